package xlsx

// words are the workbook's fixed texts in one language. KPI names and
// definitions come from the catalogue (NameSV/NameEN).
type words struct {
	Summary, Mapping, Quality, Definitions, Values string // sheet names

	ReportTitle, Period, AsOf, Source, Created, Legend, Region, Municipality      string
	Family, KPI, Unit, Value, Previous, YearAgo, Target, Status, Trend, ChartData string
	Code, Name, Quarter, Group, Breakdown, Total, WholeRegion, Note, Question     string
	Definition, Direction, TargetSource, ID                                       string
	Files, Table, File, Format, RowsRead, RowsLoaded, RowsRejected, Column        string
	Reason, Rows, Warnings, Message, Flags, Rule, Description, Excluded           string
	RejectsTitle, ExcludedTitle, ExcludedNote, NoFlags                            string
	MarkSuppressed, MarkNoData, SuppressionRule, ChartDataNote                    string
	Comparison, TrendTitle, Breakdowns, PerMunicipality, Heat                     string
	AxisQuarter, AxisMunicipality, AxisShare, AxisDays, AxisCount, AxisValue      string
	AxisOrgType, AxisCategory, AxisDimension                                      string
	Funnel, FunnelStep, NoKPI, MappingIntro, NoAnswer                             string
	Higher, Lower, NoDirection                                                    string
	Units                                                                         map[string]string
	Status_                                                                       map[string]string
	DocSubject                                                                    string
	// PageOf is the footer "Sida %s av %s"; Extract and Contract word the source line.
	PageOf, Extract, Contract string
}

var sv = words{
	Summary: "Sammanfattning", Mapping: "Kartläggning", Quality: "Datakvalitet", Definitions: "Definitioner", Values: "Värden",
	ReportTitle: "SIP-rapport", Period: "Period", AsOf: "Datum för uttag (as-of)", Source: "Källa", Created: "Skapad",
	Legend: "Teckenförklaring", Region: "Region", Municipality: "Kommun",
	Family: "Område", KPI: "Nyckeltal", Unit: "Enhet", Value: "Värde", Previous: "Föregående kvartal", YearAgo: "Samma kvartal i fjol",
	Target: "Mål", Status: "Status", Trend: "Trend 8 kvartal", ChartData: "Diagramunderlag",
	Code: "Kod", Name: "Namn", Quarter: "Kvartal", Group: "Grupp", Breakdown: "Nedbrytning", Total: "Totalt",
	WholeRegion: "Hela regionen", Note: "Kommentar", Question: "Fråga",
	Definition: "Definition", Direction: "Bättre är", TargetSource: "Målets källa", ID: "Id",
	Files: "Inlästa filer", Table: "Tabell", File: "Fil", Format: "Format", RowsRead: "Lästa rader", RowsLoaded: "Inlästa rader",
	RowsRejected: "Avvisade rader", Column: "Kolumn", Reason: "Orsak", Rows: "Rader", Warnings: "Varningar", Message: "Meddelande",
	Flags: "Datakvalitetsflaggor per regel (inlästa men flaggade rader)", Rule: "Regel", Description: "Beskrivning", Excluded: "Utelämnade enheter",
	RejectsTitle: "Avvisade rader per fil och orsak", ExcludedTitle: "Utelämnade enheter per nyckeltal (på grund av en flagga)",
	ExcludedNote: "Antal enheter (SIP, möten, delmål …) som nyckeltalet lämnade utanför perioden för att de flaggats.", NoFlags: "Inga flaggade rader.",
	MarkSuppressed: "för få att visa (röjanderisk)", MarkNoData: "uppgift saknas",
	SuppressionRule: "Små tal: antal 1–%d och andelar, medelvärden och percentiler med färre än %d enheter visas som \"..\". Om en grupp döljs och totalen visas döljs även den näst minsta gruppen. Noll visas som 0.",
	ChartDataNote:   "Diagramunderlag: samma värden som ovan; tomma celler är .. eller -.",
	Comparison:      "Kommunjämförelse", TrendTitle: "Trend per kvartal", Breakdowns: "Nedbrytningar", PerMunicipality: "per kommun", Heat: "per verksamhet och kvartal",
	AxisQuarter: "Kvartal", AxisMunicipality: "Kommun", AxisShare: "Andel", AxisDays: "Dagar", AxisCount: "Antal", AxisValue: "Värde",
	AxisOrgType: "Verksamhet", AxisCategory: "Kategori", AxisDimension: "Dimension",
	Funnel: "Processen från behov till avslut", FunnelStep: "Steg", NoKPI: "inget nyckeltal i katalogen",
	MappingIntro: "Kartläggningsuppdragets frågor, besvarade med nyckeltalen för perioden.", NoAnswer: "Inga nyckeltal i katalogen besvarar frågan.",
	Higher: "högre", Lower: "lägre", NoDirection: "–",
	Units:      map[string]string{"count": "antal", "share": "andel", "days": "dagar", "rate": "kvot", "index": "index 0–100", "mean": "medelvärde"},
	Status_:    map[string]string{"met": "Uppfyllt", "not_met": "Ej uppfyllt", "no_target": "Inget mål", "no_data": "Uppgift saknas", "suppressed": "För få"},
	DocSubject: "Kvartalsrapport om samordnad individuell plan (SIP)",
	PageOf:     "Sida %s av %s", Extract: "uttag", Contract: "kontrakt",
}

var en = words{
	Summary: "Summary", Mapping: "Mapping", Quality: "Data quality", Definitions: "Definitions", Values: "Values",
	ReportTitle: "SIP report", Period: "Period", AsOf: "As-of date", Source: "Source", Created: "Created",
	Legend: "Legend", Region: "Region", Municipality: "Municipality",
	Family: "Area", KPI: "Indicator", Unit: "Unit", Value: "Value", Previous: "Previous quarter", YearAgo: "Same quarter last year",
	Target: "Target", Status: "Status", Trend: "Trend 8 quarters", ChartData: "Chart data",
	Code: "Code", Name: "Name", Quarter: "Quarter", Group: "Group", Breakdown: "Breakdown", Total: "Total",
	WholeRegion: "Whole region", Note: "Note", Question: "Question",
	Definition: "Definition", Direction: "Better is", TargetSource: "Source of target", ID: "Id",
	Files: "Files loaded", Table: "Table", File: "File", Format: "Format", RowsRead: "Rows read", RowsLoaded: "Rows loaded",
	RowsRejected: "Rows rejected", Column: "Column", Reason: "Reason", Rows: "Rows", Warnings: "Warnings", Message: "Message",
	Flags: "Data-quality flags per rule (loaded but flagged rows)", Rule: "Rule", Description: "Description", Excluded: "Units left out",
	RejectsTitle: "Rejected rows per file and reason", ExcludedTitle: "Units left out per indicator (because of a flag)",
	ExcludedNote: "Units (SIPs, meetings, goals …) the indicator left out of the period because they were flagged.", NoFlags: "No flagged rows.",
	MarkSuppressed: "too few to show (disclosure risk)", MarkNoData: "no data",
	SuppressionRule: "Small numbers: counts 1–%d and shares, means and percentiles over fewer than %d units are shown as \"..\". Where one group is hidden and the total is shown, the next smallest group is hidden too. Zero is shown as 0.",
	ChartDataNote:   "Chart data: the same values as above; empty cells are .. or -.",
	Comparison:      "Municipality comparison", TrendTitle: "Trend by quarter", Breakdowns: "Breakdowns", PerMunicipality: "by municipality", Heat: "by organisation type and quarter",
	AxisQuarter: "Quarter", AxisMunicipality: "Municipality", AxisShare: "Share", AxisDays: "Days", AxisCount: "Count", AxisValue: "Value",
	AxisOrgType: "Organisation type", AxisCategory: "Category", AxisDimension: "Dimension",
	Funnel: "The process from need to closure", FunnelStep: "Step", NoKPI: "no indicator in the catalogue",
	MappingIntro: "The mapping assignment's questions, answered with the period's indicators.", NoAnswer: "No indicator in the catalogue answers this question.",
	Higher: "higher", Lower: "lower", NoDirection: "–",
	Units:      map[string]string{"count": "count", "share": "share", "days": "days", "rate": "rate", "index": "index 0–100", "mean": "mean"},
	Status_:    map[string]string{"met": "Met", "not_met": "Not met", "no_target": "No target", "no_data": "No data", "suppressed": "Too few"},
	DocSubject: "Quarterly report on coordinated individual plans (SIP)",
	PageOf:     "Page %s of %s", Extract: "extracted", Contract: "contract",
}

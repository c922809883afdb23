package xlsx

// words are the workbook's fixed texts in one language. KPI names and
// definitions come from the catalogue (NameSV/NameEN).
type words struct {
	Summary, Overview, Mapping, Quality, Definitions, Values string // sheet names

	// The steering summary.
	AsOfShort, Highlights, RefRegion, RefNation, Basis, LatestFinal, ChangeHead string
	TargetStatus, SparkHead, Prel, SameAsValue, Better, Worse, Unchanged        string
	SummaryLegend, SummaryMore, MarkNotApplicable                               string

	// Family sheets and their charts.
	FamilyIntro, Zero, ComparisonRegion, County, Nation, PerCounty, TopBottom string
	Signal, Lower998, Lower95, Centre, Upper95, Upper998, Denominator         string
	FunnelPlot, SPCSignal, SPCTitle, LCL, UCL, Month                          string
	Limits95, Limits998, FunnelLimits                                         string
	NotPrinted, Continued, ExcludedNone                                       string

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
	Overview:  "Alla nyckeltal",
	AsOfShort: "data t.o.m.", Highlights: "Det viktigaste", RefRegion: "Regionen", RefNation: "Riket",
	Basis: "Underlag", LatestFinal: "Senaste slutliga", ChangeHead: "Jämfört med i fjol",
	TargetStatus: "Mål och status", SparkHead: "8 kvartal (skala från 0)", Prel: "prel.", SameAsValue: "= värdet",
	Better: "Bättre", Worse: "Sämre", Unchanged: "Oförändrat",
	SummaryLegend: "prel. = preliminärt: kvartalet är för nytt för att alla utfall ska vara kända; status och jämförelser görs på det senaste slutliga kvartalet. " +
		"Jämfört med i fjol: bättre eller sämre än samma kvartal ett år tidigare utöver slumpens variation (p < 0,05); oförändrat = inom slumpens variation. " +
		"Tecken: .. = för få att visa (färre än %d), . = ej tillämpligt (inget att mäta), - = uppgift saknas, 0 = noll.",
	SummaryMore:       "Alla nyckeltal finns på bladet Alla nyckeltal, varje område på sitt blad, definitionerna på bladet Definitioner och varje värde på bladet Värden.",
	MarkNotApplicable: "ej tillämpligt (inget att mäta)",
	FamilyIntro:       "Nyckeltalen, jämförelsen per kommun, nedbrytningarna och trenden; diagrammen på egna sidor",
	Zero:              "noll", ComparisonRegion: "Jämförelse per län", County: "Län", Nation: "Riket", PerCounty: "per län",
	TopBottom: "de %d bästa och de %d sämsta",
	Signal:    "Utanför 99,8 %-gränsen", Lower998: "Nedre gräns 99,8 %", Lower95: "Nedre gräns 95 %", Centre: "Regionens andel (mittlinje)",
	Upper95: "Övre gräns 95 %", Upper998: "Övre gräns 99,8 %", Denominator: "Antal i underlaget (nämnare)",
	FunnelPlot: "Trattdiagram", SPCSignal: "Signal (utanför gränserna eller serie)", SPCTitle: "Styrdiagram per månad",
	LCL: "Nedre styrgräns", UCL: "Övre styrgräns", Month: "Månad",
	Limits95: "95 %-gränser", Limits998: "99,8 %-gränser", FunnelLimits: "gränserna som linjer (nedre, sedan övre)",
	Continued:  "forts.",
	NotPrinted: "Nedbrytningar och trend per kvartal (skrivs inte ut: samma värden som på bladet Värden, för den som vill filtrera och jämföra).",
	Summary:    "Sammanfattning", Mapping: "Kartläggning", Quality: "Datakvalitet", Definitions: "Definitioner", Values: "Värden",
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
	Overview:  "All indicators",
	AsOfShort: "data as of", Highlights: "Key points", RefRegion: "Region", RefNation: "Sweden",
	Basis: "Basis", LatestFinal: "Latest final", ChangeHead: "Against last year",
	TargetStatus: "Target and status", SparkHead: "8 quarters (scale from 0)", Prel: "prel.", SameAsValue: "= the value",
	Better: "Better", Worse: "Worse", Unchanged: "Unchanged",
	SummaryLegend: "prel. = preliminary: the quarter is too recent for every outcome to be known; status and comparisons use the latest final quarter. " +
		"Against last year: better or worse than the same quarter a year earlier beyond random variation (p < 0.05); unchanged = within random variation. " +
		"Marks: .. = too few to show (fewer than %d), . = not applicable (nothing to measure), - = no data, 0 = zero.",
	SummaryMore:       "Every indicator is on the sheet All indicators, each area on its own sheet, the definitions on the sheet Definitions and every value on the sheet Values.",
	MarkNotApplicable: "not applicable (nothing to measure)",
	FamilyIntro:       "The indicators, the comparison by municipality, the breakdowns and the trend; the charts on pages of their own",
	Zero:              "zero", ComparisonRegion: "Comparison by county", County: "County", Nation: "Sweden", PerCounty: "by county",
	TopBottom: "the %d best and the %d worst",
	Signal:    "Outside the 99.8% limit", Lower998: "Lower limit 99.8%", Lower95: "Lower limit 95%", Centre: "Region's share (centre line)",
	Upper95: "Upper limit 95%", Upper998: "Upper limit 99.8%", Denominator: "Units behind the share (denominator)",
	FunnelPlot: "Funnel plot", SPCSignal: "Signal (outside the limits or a run)", SPCTitle: "Control chart by month",
	LCL: "Lower control limit", UCL: "Upper control limit", Month: "Month",
	Limits95: "95% limits", Limits998: "99.8% limits", FunnelLimits: "the limits as lines (lower, then upper)",
	Continued:  "continued",
	NotPrinted: "Breakdowns and the trend by quarter (not printed: the same values as on the sheet Values, for filtering and comparing).",
	Summary:    "Summary", Mapping: "Mapping", Quality: "Data quality", Definitions: "Definitions", Values: "Values",
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

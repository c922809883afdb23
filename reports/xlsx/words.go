package xlsx

import (
	_ "embed"
	"fmt"
	"reflect"

	"github.com/BurntSushi/toml"
)

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

// sv and en are the texts of words.toml.
var sv, en = loadWords(wordsTOML)

//go:embed words.toml
var wordsTOML string

// loadWords reads words.toml: each field of words as { sv = "…", en = "…" },
// each map as a table of them. A field without a key, a key that is no
// field, or a text missing in a language panics: the file is embedded, so
// any test of the package fails at once.
func loadWords(text string) (words, words) {
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		panic("reports/xlsx/words.toml: " + err.Error())
	}
	var s, e words
	sv, ev := reflect.ValueOf(&s).Elem(), reflect.ValueOf(&e).Elem()
	for i, f := range reflect.VisibleFields(sv.Type()) {
		v, ok := raw[f.Name]
		if !ok {
			panic("reports/xlsx/words.toml: no " + f.Name)
		}
		delete(raw, f.Name)
		if f.Type.Kind() == reflect.String {
			a, b := wordPair(f.Name, v)
			sv.Field(i).SetString(a)
			ev.Field(i).SetString(b)
			continue
		}
		table, _ := v.(map[string]any)
		ms, me := map[string]string{}, map[string]string{}
		for k, x := range table {
			ms[k], me[k] = wordPair(f.Name+"."+k, x)
		}
		sv.Field(i).Set(reflect.ValueOf(ms))
		ev.Field(i).Set(reflect.ValueOf(me))
	}
	for k := range raw {
		panic("reports/xlsx/words.toml: " + k + " is no field of words")
	}
	return s, e
}

// wordPair is one text of words.toml in Swedish and English.
func wordPair(name string, v any) (sv, en string) {
	m, _ := v.(map[string]any)
	sv, okSV := m["sv"].(string)
	en, okEN := m["en"].(string)
	if !okSV || !okEN || len(m) != 2 {
		panic(fmt.Sprintf("reports/xlsx/words.toml: %s is %v, want { sv = \"…\", en = \"…\" }", name, v))
	}
	return sv, en
}

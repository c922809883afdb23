package model

import (
	"slices"
	"strings"
)

// families are the catalogue's family ids with the Swedish and English names
// the report uses (the sheet names). An id not listed here is shown
// as it is.
var families = map[string][2]string{
	"coverage":        {"Genomförande", "Coverage"},
	"lead_times":      {"Ledtider", "Lead times"},
	"attendance":      {"Närvaro", "Attendance"},
	"participation":   {"Delaktighet", "Participation"},
	"goals":           {"Mål", "Goals"},
	"follow_up":       {"Uppföljning", "Follow-up"},
	"followup":        {"Uppföljning", "Follow-up"},
	"plan":            {"Planens innehåll", "Plan content"},
	"plan_content":    {"Planens innehåll", "Plan content"},
	"consent":         {"Samtycke", "Consent"},
	"closure":         {"Avslut", "Closure"},
	"deviations":      {"Avvikelser", "Deviations"},
	"ways_of_working": {"Arbetssätt", "Ways of working"},
	"user_audit":      {"Brukarrevision", "User audit"},
	"survey":          {"Brukarrevision", "User audit"},
}

// FamilyName returns a family's Swedish and English names.
func FamilyName(id string) (sv, en string) {
	if n, ok := families[id]; ok {
		return n[0], n[1]
	}
	return id, id
}

var breakdownLabels = map[string]string{
	"total":           "Totalt",
	"region":          "Region",
	"municipality":    "Kommun",
	"context":         "Sammanhang",
	"target_group":    "Målgrupp",
	"age_band":        "Åldersgrupp",
	"sex":             "Kön",
	"org_type":        "Verksamhet",
	"mode":            "Mötesform",
	"category":        "Kategori",
	"reported_by_org": "Rapporterad av",
	"concerns_org":    "Gäller verksamhet",
	"closure_reason":  "Avslutsorsak",
	"initiated_by":    "Initierad av",
	"respondent":      "Svarande",
	"respondent_type": "Svarande",
	"dimension":       "Dimension",
	"question":        "Fråga",
}

// BreakdownLabel is a breakdown's Swedish heading.
func BreakdownLabel(b string) string {
	if l, ok := breakdownLabels[b]; ok {
		return l
	}
	return strings.ReplaceAll(b, "_", " ")
}

// regions are SCB's county codes (länskod) with their names; 00 is SCB's
// code for the whole country, which a national extract gives.
var regions = map[string]string{
	"00": "Riket",
	"01": "Region Stockholm", "03": "Region Uppsala", "04": "Region Sörmland",
	"05": "Region Östergötland", "06": "Region Jönköpings län", "07": "Region Kronoberg",
	"08": "Region Kalmar län", "09": "Region Gotland", "10": "Region Blekinge",
	"12": "Region Skåne", "13": "Region Halland", "14": "Västra Götalandsregionen",
	"17": "Region Värmland", "18": "Region Örebro län", "19": "Region Västmanland",
	"20": "Region Dalarna", "21": "Region Gävleborg", "22": "Region Västernorrland",
	"23": "Region Jämtland Härjedalen", "24": "Region Västerbotten", "25": "Region Norrbotten",
}

// regionOf names what the loaded sources cover: the region of their county
// code when they share one (Riket for 00); Flera regioner when they have
// several; without any code, the source's name (Flera källor for several).
func regionOf(sources []Source) (code, name string) {
	var codes []string
	for _, s := range sources {
		if s.RegionCode != "" && !slices.Contains(codes, s.RegionCode) {
			codes = append(codes, s.RegionCode)
		}
	}
	switch {
	case len(codes) == 1:
		return codes[0], RegionName(codes[0])
	case len(codes) > 1:
		return "", "Flera regioner"
	case len(sources) == 1:
		return "", sources[0].Name
	case len(sources) > 1:
		return "", "Flera källor"
	}
	return "", ""
}

// RegionName is the region's name for a county code, or the code itself.
func RegionName(code string) string {
	if n, ok := regions[code]; ok {
		return n
	}
	return code
}

var breakdownLabelsEN = map[string]string{
	"total": "Total", "region": "County", "municipality": "Municipality", "context": "Context",
	"target_group": "Target group", "age_band": "Age band", "sex": "Sex", "org_type": "Organisation type",
	"mode": "Meeting mode", "category": "Category", "reported_by_org": "Reported by", "concerns_org": "Concerns",
	"closure_reason": "Closure reason", "initiated_by": "Initiated by", "respondent": "Respondent",
	"respondent_type": "Respondent", "dimension": "Dimension", "question": "Question",
}

// BreakdownLabelEN is a breakdown's English heading.
func BreakdownLabelEN(b string) string {
	if l, ok := breakdownLabelsEN[b]; ok {
		return l
	}
	return strings.ReplaceAll(b, "_", " ")
}

// GroupLabelEN is a group's English label without the catalogue's
// labels: names of places and age bands as they are, a code in words
// ("psychiatry_adult" → "Psychiatry adult").
func GroupLabelEN(breakdown, code, sv string) string {
	switch breakdown {
	case "municipality", "region", "age_band", "total":
		return sv
	}
	if code == "" {
		return sv
	}
	s := strings.ReplaceAll(code, "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// Labels are the catalogue's labels (kpi_labels) by kind and code.
type Labels map[[2]string][2]string

// label is the label of kind/code in the language, or "".
func (l Labels) label(kind, code, lang string) string {
	x, ok := l[[2]string{kind, code}]
	if !ok {
		return ""
	}
	if lang == "en" {
		return x[1]
	}
	return x[0]
}

// GroupLabel is a group's label in the report's language: the catalogue's
// (kpi_labels), else the Swedish label or the code in words.
func (r *Report) GroupLabel(lang, breakdown string, g Group) string {
	if l := r.Labels.label("group:"+breakdown, g.Code, lang); l != "" {
		return l
	}
	if lang == "en" {
		return GroupLabelEN(breakdown, g.Code, g.Label)
	}
	return g.Label
}

// BreakdownName is a breakdown's heading in the report's language.
func (r *Report) BreakdownName(lang, breakdown string) string {
	if l := r.Labels.label("breakdown", breakdown, lang); l != "" {
		return l
	}
	if lang == "en" {
		return BreakdownLabelEN(breakdown)
	}
	return BreakdownLabel(breakdown)
}

// FamilyLabel is a family's name in the report's language.
func (r *Report) FamilyLabel(lang, family string) string {
	if l := r.Labels.label("family", family, lang); l != "" {
		return l
	}
	sv, en := FamilyName(family)
	if lang == "en" {
		return en
	}
	return sv
}

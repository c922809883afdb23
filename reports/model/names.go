package model

import "strings"

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

// regions are SCB's county codes (länskod) with their names.
var regions = map[string]string{
	"01": "Region Stockholm", "03": "Region Uppsala", "04": "Region Sörmland",
	"05": "Region Östergötland", "06": "Region Jönköpings län", "07": "Region Kronoberg",
	"08": "Region Kalmar län", "09": "Region Gotland", "10": "Region Blekinge",
	"12": "Region Skåne", "13": "Region Halland", "14": "Västra Götalandsregionen",
	"17": "Region Värmland", "18": "Region Örebro län", "19": "Region Västmanland",
	"20": "Region Dalarna", "21": "Region Gävleborg", "22": "Region Västernorrland",
	"23": "Region Jämtland Härjedalen", "24": "Region Västerbotten", "25": "Region Norrbotten",
}

// RegionName is the region's name for a county code, or the code itself.
func RegionName(code string) string {
	if n, ok := regions[code]; ok {
		return n
	}
	return code
}

package contract

import "strings"

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Code is one value of a code table: the English code stored in the database
// and the Swedish labels also accepted on input (case-insensitive).
type Code struct {
	Code string
	// Label is the Swedish label shown to report readers.
	Label string
	// Aliases are further Swedish (or abbreviated) spellings accepted on input.
	Aliases []string
}

// CodeList is a named code table.
type CodeList struct {
	Name  string
	Codes []Code
	index map[string]string
}

func newCodeList(name string, codes ...Code) *CodeList {
	cl := &CodeList{Name: name, Codes: codes, index: map[string]string{}}
	for _, c := range codes {
		cl.index[strings.ToLower(c.Code)] = c.Code
		cl.index[strings.ToLower(c.Label)] = c.Code
		for _, a := range c.Aliases {
			cl.index[strings.ToLower(a)] = c.Code
		}
	}
	return cl
}

func union(name string, lists ...*CodeList) *CodeList {
	var all []Code
	for _, l := range lists {
		all = append(all, l.Codes...)
	}
	return newCodeList(name, all...)
}

// Parse maps an input value (a code or a Swedish label, any case, surrounding
// space ignored) to its code.
func (cl *CodeList) Parse(s string) (string, bool) {
	c, ok := cl.index[strings.ToLower(strings.TrimSpace(s))]
	return c, ok
}

// Label returns the Swedish label of a code, or the code itself if unknown.
func (cl *CodeList) Label(code string) string {
	for _, c := range cl.Codes {
		if c.Code == code {
			return c.Label
		}
	}
	return code
}

// Values returns the codes in contract order.
func (cl *CodeList) Values() []string {
	out := make([]string, len(cl.Codes))
	for i, c := range cl.Codes {
		out[i] = c.Code
	}
	return out
}

// Principal is the huvudman an org type belongs to.
type Principal string

const (
	Municipality Principal = "municipality"
	Region       Principal = "region"
	State        Principal = "state"
	OtherActor   Principal = "other"
)

// Org is a verksamhetstyp with its principal.
type Org struct {
	Code      string
	Label     string
	Principal Principal
}

// OrgTypes lists the contract's org types in contract order.
var OrgTypes = []Org{
	{"municipal_social_services", "Socialtjänst", Municipality},
	{"municipal_health_care", "Kommunal hälso- och sjukvård", Municipality},
	{"school", "Skola/elevhälsa", Municipality},
	{"primary_care", "Vårdcentral/öppen vård", Region},
	{"adult_psychiatry", "Vuxenpsykiatri", Region},
	{"child_psychiatry", "Barn- och ungdomspsykiatri (BUP)", Region},
	{"habilitation", "Habilitering", Region},
	{"inpatient_care", "Slutenvård", Region},
	{"addiction_care", "Beroendevård", Region},
	{"dental_care", "Tandvård", Region},
	{"social_insurance_agency", "Försäkringskassan", State},
	{"employment_service", "Arbetsförmedlingen", State},
	{"prison_probation", "Kriminalvården", State},
	{"sis", "Statens institutionsstyrelse (SiS)", State},
	{"police", "Polis", State},
	{"guardian_trustee", "God man/förvaltare", OtherActor},
	{"personal_ombudsman", "Personligt ombud", OtherActor},
	{"user_organisation", "Brukarorganisation", OtherActor},
	{"interpreter", "Tolk", OtherActor},
	{"other", "Annan aktör", OtherActor},
}

var orgTypeAliases = map[string][]string{
	"municipal_social_services": {"socialtjänst (ifo, äldreomsorg, lss, barn och unga)", "socialtjanst", "ifo"},
	"municipal_health_care":     {"kommunal hälso- och sjukvård", "khsv"},
	"school":                    {"skola", "elevhälsa", "skola / elevhälsa"},
	"primary_care":              {"vårdcentral", "regionfinansierad öppen vård", "regionfinansierad öppen vård / vårdcentral", "primärvård"},
	"child_psychiatry":          {"bup", "barn- och ungdomspsykiatri"},
	"habilitation":              {},
	"inpatient_care":            {"sluten vård"},
	"dental_care":               {},
	"social_insurance_agency":   {"fk"},
	"employment_service":        {"af"},
	"sis":                       {"statens institutionsstyrelse"},
	"police":                    {"polisen"},
	"guardian_trustee":          {"god man", "förvaltare", "god man / förvaltare"},
	"other":                     {"annan", "annat"},
}

// OrgByCode returns the org type for a code.
func OrgByCode(code string) (Org, bool) {
	for _, o := range OrgTypes {
		if o.Code == code {
			return o, true
		}
	}
	return Org{}, false
}

func orgTypeList() *CodeList {
	codes := make([]Code, len(OrgTypes))
	for i, o := range OrgTypes {
		codes[i] = Code{o.Code, o.Label, orgTypeAliases[o.Code]}
	}
	return newCodeList("org_type", codes...)
}

// The code tables of data contract v1.
var (
	Sex = newCodeList("sex",
		Code{"female", "Kvinna", []string{"K", "kvinnor", "f"}},
		Code{"male", "Man", []string{"M", "män"}},
		Code{"other", "Annat", []string{"annan"}},
		Code{"unknown", "Okänt", []string{"okänd", "uppgift saknas"}},
	)
	Context = newCodeList("context",
		Code{"discharge", "Utskrivning från sluten vård", []string{"utskrivning", "lus", "lag 2017:612"}},
		Code{"child_placement", "Placering av barn/unga", []string{"placering", "placering av barn/unga utanför hemmet", "placering utanför hemmet"}},
		Code{"standard", "SoL/HSL", []string{"standard", "övrig", "övriga"}},
	)
	TargetGroup = newCodeList("target_group",
		Code{"mental_health", "Psykisk ohälsa", []string{"psykisk hälsa", "psykiatri"}},
		Code{"substance_use", "Missbruk/beroende", []string{"missbruk", "beroende", "missbruk och beroende"}},
		Code{"elderly_multimorbid", "Multisjuka äldre", []string{"äldre", "äldre multisjuka"}},
		Code{"child_youth", "Barn och unga", []string{"barn", "barn/unga"}},
		Code{"disability", "Funktionsnedsättning", []string{"funktionshinder", "lss"}},
		Code{"other", "Övrigt", []string{"annat", "övriga"}},
	)
	OrgType = orgTypeList()
	// Initiator is the code list of sips.initiated_by and participants.org_type:
	// the org types plus the individual and relatives.
	Initiator = union("initiator", OrgType, newCodeList("persons",
		Code{"individual", "Den enskilde", []string{"enskild", "den enskilda", "brukare", "patient"}},
		Code{"relative", "Närstående", []string{"anhörig"}},
	))
	RecordSystem = newCodeList("record_system",
		Code{"shared_it_service", "Gemensam IT-tjänst", []string{"lifecare", "lifecare sp", "samsa", "prator", "mina planer"}},
		Code{"local_records", "Lokal journal", []string{"journal", "verksamhetssystem"}},
		Code{"paper", "Papper", []string{"pappersblankett"}},
	)
	ClosureReason = newCodeList("closure_reason",
		Code{"needs_met", "Behoven tillgodosedda", []string{"behov tillgodosett", "behov tillgodosedda"}},
		Code{"no_new_needs", "Inga nya behov", nil},
		Code{"consent_withdrawn", "Samtycke återtaget", []string{"återtaget samtycke"}},
		Code{"goal_changed_restart", "Ändrat mål, ny SIP", []string{"omstart", "ny sip"}},
		Code{"moved", "Flyttat", []string{"flytt"}},
		Code{"deceased", "Avliden", []string{"död", "avled"}},
		Code{"other", "Annat", []string{"annan orsak", "övrigt"}},
	)
	ConsentDecision = newCodeList("decision",
		Code{"given", "Givet", []string{"lämnat", "samtycker", "ja"}},
		Code{"declined", "Avböjt", []string{"nekat", "samtycker ej", "nej"}},
	)
	ConsentScope = newCodeList("scope",
		Code{"information_sharing", "Informationsöverföring", []string{"informationsutbyte", "sekretessbrytande"}},
		Code{"plan", "Planen", []string{"plan"}},
		Code{"both", "Båda", []string{"bägge"}},
	)
	ConsentGivenBy = newCodeList("given_by",
		Code{"individual", "Den enskilde", []string{"enskild", "den enskilda"}},
		Code{"guardian", "Vårdnadshavare", []string{"en vårdnadshavare"}},
		Code{"both_guardians", "Båda vårdnadshavarna", []string{"båda vårdnadshavare", "vårdnadshavarna"}},
		Code{"representative", "Ställföreträdare", []string{"god man", "förvaltare", "framtidsfullmakt"}},
	)
	MeetingKind = newCodeList("kind",
		Code{"initial", "Första SIP-möte", []string{"första", "initialt", "nytt"}},
		Code{"follow_up", "Uppföljning", []string{"uppföljningsmöte"}},
	)
	MeetingStatus = newCodeList("status",
		Code{"held", "Genomfört", []string{"genomförd", "hållet"}},
		Code{"cancelled", "Inställt", []string{"inställd", "avbokat", "avbokad"}},
		Code{"planned", "Planerat", []string{"planerad", "bokat", "bokad"}},
	)
	MeetingMode = newCodeList("mode",
		Code{"in_person", "Fysiskt möte", []string{"fysiskt", "på plats"}},
		Code{"video", "Video", []string{"digitalt", "videomöte"}},
		Code{"phone", "Telefon", []string{"telefonmöte"}},
		Code{"hybrid", "Hybrid", []string{"hybridmöte"}},
	)
	IndividualParticipation = newCodeList("individual_participation",
		Code{"present", "Deltog", []string{"närvarande", "närvarade"}},
		Code{"represented", "Företräddes", []string{"företrädd"}},
		Code{"absent", "Deltog inte", []string{"frånvarande", "deltog ej"}},
	)
	ChildParticipation = newCodeList("child_participation",
		Code{"present", "Deltog", []string{"närvarande", "närvarade"}},
		Code{"absent", "Deltog inte", []string{"frånvarande", "deltog ej"}},
		Code{"not_applicable", "Ej aktuellt", []string{"ej tillämpligt", "e/a"}},
	)
	ParticipantRole = newCodeList("role",
		Code{"summoned", "Kallad", []string{"kallade"}},
		Code{"invited", "Inbjuden", []string{"inbjudna"}},
	)
	Attendance = newCodeList("attendance",
		Code{"attended", "Närvarade", []string{"deltog", "närvarande"}},
		Code{"substitute", "Ersättare", []string{"skickade ersättare"}},
		Code{"absent_notified", "Förhinder anmält", []string{"förhinder"}},
		Code{"absent", "Uteblev", []string{"frånvarande"}},
	)
	GoalArea = newCodeList("area",
		Code{"housing", "Boende", nil},
		Code{"occupation", "Sysselsättning", []string{"arbete", "skola/arbete"}},
		Code{"mental_health", "Psykisk hälsa", nil},
		Code{"physical_health", "Fysisk hälsa", nil},
		Code{"substance_use", "Missbruk/beroende", []string{"missbruk", "beroende"}},
		Code{"finances", "Ekonomi", nil},
		Code{"social_network", "Socialt nätverk", []string{"nätverk"}},
		Code{"daily_living", "Vardag", []string{"daglig livsföring", "adl"}},
		Code{"family", "Familj", nil},
		Code{"safety", "Trygghet", []string{"säkerhet"}},
		Code{"other", "Övrigt", []string{"annat"}},
	)
	GoalStatus = newCodeList("review_status",
		Code{"achieved", "Uppfyllt", []string{"uppnått"}},
		Code{"partly_achieved", "Delvis uppfyllt", []string{"delvis uppnått"}},
		Code{"not_achieved", "Ej uppfyllt", []string{"inte uppfyllt", "ej uppnått"}},
		Code{"not_assessed", "Ej bedömt", []string{"inte bedömt"}},
	)
	CareType = newCodeList("care_type",
		Code{"somatic", "Somatisk vård", []string{"somatisk", "somatik"}},
		Code{"psychiatric", "Psykiatrisk vård", []string{"psykiatrisk", "psykiatri"}},
	)
	DeviationCategory = newCodeList("category",
		Code{"no_initiative", "Ingen SIP initierad trots behov", []string{"ingen sip initierad", "ej initierad"}},
		Code{"absent_despite_summons", "Uteblev trots kallelse", []string{"uteblev"}},
		Code{"poor_treatment", "Dåligt bemötande", []string{"bemötande"}},
		Code{"plan_not_followed", "Planen följdes inte", []string{"planen ej följd"}},
		Code{"other", "Annat", []string{"övrigt"}},
	)
	SurveyDimension = newCodeList("dimension",
		Code{"information", "Information", nil},
		Code{"participation", "Delaktighet", nil},
		Code{"coordination", "Samverkan mellan aktörerna", []string{"samverkan", "samordning"}},
		Code{"meaningfulness", "Meningsfullhet", []string{"känsla av meningsfullhet"}},
		Code{"treatment", "Bemötande", nil},
		Code{"outcome", "Resultat", nil},
		Code{"overall", "Helhetsbedömning", []string{"helhet", "övergripande"}},
	)
	Respondent = newCodeList("respondent",
		Code{"individual", "Den enskilde", []string{"enskild", "den enskilda"}},
		Code{"guardian", "Vårdnadshavare", nil},
		Code{"child_youth", "Barn/ungdom", []string{"barn", "ungdom", "barn och unga"}},
		Code{"relative", "Närstående", []string{"anhörig"}},
	)
)

package model

import (
	"fmt"
	"strings"

	"github.com/sipstat/sipstat/transform"
)

// SteeringKPIs are the headline KPIs of the one-page summary, in catalogue
// order.
func (r *Report) SteeringKPIs() []*KPI {
	var out []*KPI
	for _, k := range r.KPIs {
		if k.Steering {
			out = append(out, k)
		}
	}
	return out
}

// HasReference reports whether the summary has a reference to show: a
// region's value beside a municipality's, the nation's beside a region's.
// A national report is its own reference.
func (r *Report) HasReference() bool {
	if r.Meta.RegionCode == "00" {
		return false
	}
	for _, k := range r.SteeringKPIs() {
		if k.Reference.Shown() {
			return true
		}
	}
	return false
}

// National reports whether the report covers the whole country.
func (r *Report) National() bool { return r.Meta.RegionCode == "00" }

// Name is the KPI's name in the language ("sv" or "en").
func (k *KPI) Name(lang string) string {
	if lang == "en" && k.NameEN != "" && k.NameEN != k.ID {
		return k.NameEN
	}
	return k.NameSV
}

// Text is a figure as the reports write it: the number in its unit with
// the one rounding rule, or its mark.
func (f Figure) Text(u transform.Unit, lang string) string {
	if m := f.Mark(); m != "" {
		return m
	}
	return FormatNumber(*f.Value, u, lang)
}

// Basis is the count behind a shown figure: "1 288 av 1 557" for a share,
// "n = 412" for a median or mean, "" for a count or a hidden figure.
func (f Figure) Basis(u transform.Unit, lang string) string {
	if !f.Shown() {
		return ""
	}
	if f.Numerator != nil && f.Denominator != nil {
		of := " av "
		if lang == "en" {
			of = " of "
		}
		return FormatNumber(*f.Numerator, transform.UnitCount, lang) + of + FormatNumber(*f.Denominator, transform.UnitCount, lang)
	}
	if u == transform.UnitCount || f.N == 0 {
		return ""
	}
	return "n = " + FormatNumber(float64(f.N), transform.UnitCount, lang)
}

// Highlights are the three to five plain sentences that open the summary,
// generated from the figures: what is preliminary, the changes beyond
// random variation, the municipalities that differ from the region beyond
// chance, and the targets.
func (r *Report) Highlights(lang string) []string {
	sv := lang != "en"
	t := func(s, e string) string {
		if sv {
			return s
		}
		return e
	}
	ks := r.SteeringKPIs()
	var out []string
	m := r.Meta
	scope := m.Scope()

	// What is preliminary, and what the comparison is made on.
	var prelim []string
	finalPeriod := ""
	for _, k := range ks {
		if k.Current.Preliminary {
			prelim = append(prelim, k.Name(lang))
			finalPeriod = k.FinalPeriod
		}
	}
	days := int(m.AsOf.Sub(m.Period.End).Hours() / 24)
	switch {
	case len(prelim) > 0:
		out = append(out, fmt.Sprintf(t(
			"%d av %d nyckeltal är preliminära för %s: uttaget gjordes %s, %d dagar efter kvartalets slut, och behov som ännu väntar på sitt möte kan fortfarande få det. De jämförs därför på %s, det senaste slutliga kvartalet.",
			"%d of %d headline figures are preliminary for %s: the extract was taken on %s, %d days after the quarter ended, and needs still waiting for their meeting may yet get it. They are therefore compared on %s, the latest final quarter."),
			len(prelim), len(ks), m.Period.Label, m.AsOf.Format("2006-01-02"), days, finalPeriod))
	case len(ks) > 0:
		out = append(out, fmt.Sprintf(t("Alla nyckeltal för %s är slutliga (uttaget gjordes %s).", "Every headline figure for %s is final (the extract was taken on %s)."),
			m.Period.Label, m.AsOf.Format("2006-01-02")))
	}

	// Changes against the same quarter a year earlier, beyond noise.
	var better, worse []string
	judged := 0
	for _, k := range ks {
		from := k.YearAgo.Text(k.Unit, lang)
		switch k.Change {
		case ChangeBetter:
			better = append(better, fmt.Sprintf("%s (%s → %s)", lower(k.Name(lang), sv), from, k.Current.Text(k.Unit, lang)))
		case ChangeWorse:
			worse = append(worse, fmt.Sprintf("%s (%s → %s)", lower(k.Name(lang), sv), from, k.Current.Text(k.Unit, lang)))
		}
		if k.Change != ChangeNone && k.Change != "" {
			judged++
		}
	}
	year := m.Period.YearAgo().Label
	switch {
	case judged == 0:
		out = append(out, fmt.Sprintf(t("Ingen jämförelse med %s kan göras ännu (inget slutligt värde att jämföra).", "No comparison with %s can be made yet (no final value to compare)."), year))
	case len(better)+len(worse) == 0:
		out = append(out, fmt.Sprintf(t("Ingen av nyckeltalen har ändrats mot %s mer än slumpens variation.", "None of the headline figures changed against %s beyond random variation."), year))
	default:
		var parts []string
		if len(worse) > 0 {
			parts = append(parts, t("Sämre än ", "Worse than ")+year+t(" utöver slumpens variation: ", " beyond random variation: ")+strings.Join(worse, ", ")+".")
		}
		if len(better) > 0 {
			parts = append(parts, t("Bättre: ", "Better: ")+strings.Join(better, ", ")+".")
		}
		out = append(out, strings.Join(parts, " "))
	}

	// Municipalities beyond the funnel plot's 99.8 % limits.
	if s := r.funnelSentence(lang); s != "" {
		out = append(out, s)
	}

	// Targets.
	var met, notMet []string
	for _, k := range ks {
		switch k.Status {
		case StatusMet:
			met = append(met, lower(k.Name(lang), sv))
		case StatusNotMet:
			notMet = append(notMet, lower(k.Name(lang), sv))
		}
	}
	switch {
	case len(met)+len(notMet) == 0:
		out = append(out, fmt.Sprintf(t("%s har inte satt några målnivåer för nyckeltalen; de bedöms mot sin egen historia.", "%s has set no target levels for these figures; they are judged against their own history."), scopeRegion(m)))
	default:
		s := fmt.Sprintf(t("%d av %d mål uppfyllda", "%d of %d targets met"), len(met), len(met)+len(notMet))
		if len(notMet) > 0 {
			s += t("; ej uppfyllt: ", "; not met: ") + strings.Join(notMet, ", ")
		}
		out = append(out, s+".")
	}
	_ = scope
	return out
}

func scopeRegion(m Meta) string {
	if m.RegionName != "" {
		return m.RegionName
	}
	return m.Scope()
}

// lower puts a name inside a sentence: its first letter in lower case in
// Swedish (names such as "SIP" stay).
func lower(name string, sv bool) string {
	rs := []rune(name)
	if len(rs) > 1 && rs[1] >= 'a' && rs[1] <= 'z' || len(rs) > 1 && strings.ContainsRune("åäö", rs[1]) {
		return strings.ToLower(string(rs[:1])) + string(rs[1:])
	}
	return name
}

// funnelSentence names the municipalities outside the 99.8 % limits of the
// funnel plots; "" when the database has no funnel limits.
func (r *Report) funnelSentence(lang string) string {
	if len(r.FunnelPlots) == 0 {
		return ""
	}
	sv := lang != "en"
	if own := r.Meta.Municipality; own != "" {
		// A municipality's report: where it differs from its region.
		var hits []string
		for _, fp := range r.FunnelPlots {
			k := r.KPI(fp.KPIID)
			if k == nil || !k.Steering {
				continue
			}
			for _, p := range fp.Points {
				if p.Code == own && p.Signal {
					hits = append(hits, fmt.Sprintf("%s %s (%s %s)", lower(k.Name(lang), sv), FormatNumber(p.Value, k.Unit, lang),
						map[bool]string{true: "regionen", false: "region"}[sv], FormatNumber(fp.Centre, k.Unit, lang)))
				}
			}
		}
		name := r.Meta.MunicipalityName
		if len(hits) == 0 {
			if sv {
				return name + " ligger inom trattdiagrammens gränser för varje nyckeltal: skillnaderna mot regionen ryms i slumpens variation."
			}
			return name + " lies within the funnel plots' limits for every figure: its differences from the region are within random variation."
		}
		if sv {
			return name + " skiljer sig från regionen utöver slumpens variation (utanför 99,8 %-gränsen): " + strings.Join(hits, ", ") + "."
		}
		return name + " differs from the region beyond chance (outside the 99.8% limit): " + strings.Join(hits, ", ") + "."
	}
	var hi, lo []string
	seen := map[string]bool{}
	for _, fp := range r.FunnelPlots {
		k := r.KPI(fp.KPIID)
		if k == nil || !k.Steering {
			continue
		}
		for _, p := range fp.Points {
			if !p.Signal {
				continue
			}
			key := fp.KPIID + p.Code
			if seen[key] {
				continue
			}
			seen[key] = true
			txt := fmt.Sprintf("%s (%s %s)", p.Label, lower(k.Name(lang), sv), FormatNumber(p.Value, k.Unit, lang))
			better := p.Value > fp.Centre
			if k.Direction == "lower" {
				better = !better
			}
			if better {
				hi = append(hi, txt)
			} else {
				lo = append(lo, txt)
			}
		}
	}
	if len(hi)+len(lo) == 0 {
		if sv {
			return "Ingen kommun skiljer sig från sin region utöver slumpens variation (alla ligger inom trattdiagrammens 99,8 %-gränser): skillnaderna i en rangordning är brus."
		}
		return "No municipality differs from the region beyond chance (all lie within the funnel plots' 99.8% limits): differences in a ranking are noise."
	}
	// At most four names a side, so the sentence stays a sentence.
	list := func(xs []string) string {
		if len(xs) <= 4 {
			return strings.Join(xs, ", ")
		}
		more := fmt.Sprintf(map[bool]string{true: " och %d till", false: " and %d more"}[sv], len(xs)-4)
		return strings.Join(xs[:4], ", ") + more
	}
	var parts []string
	if len(lo) > 0 {
		parts = append(parts, map[bool]string{true: "sämre: ", false: "worse: "}[sv]+list(lo))
	}
	if len(hi) > 0 {
		parts = append(parts, map[bool]string{true: "bättre: ", false: "better: "}[sv]+list(hi))
	}
	if sv {
		whole := "regionen"
		if r.National() {
			whole = "sitt län"
		}
		return "Skiljer sig från " + whole + " utöver slumpens variation (utanför trattdiagrammets 99,8 %-gräns) – " + strings.Join(parts, "; ") + "."
	}
	whole := "the region"
	if r.National() {
		whole = "their county"
	}
	return "Differ from " + whole + " beyond chance (outside the funnel plot's 99.8% limit) – " + strings.Join(parts, "; ") + "."
}

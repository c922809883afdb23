package model

import "regexp"

// reasonsSV put ingest's reject reasons (English, values already masked)
// into Swedish for the report; a reason no pattern knows stays as it is.
var reasonsSV = []struct {
	re *regexp.Regexp
	sv string
}{
	{regexp.MustCompile(`^(\w+) (".*") was rejected \((.*)\), so this row is too$`), `$2 i $1 avvisades ($3), därför även denna rad`},
	{regexp.MustCompile(`^(".*") is not in (\w+)$`), `$1 finns inte i $2`},
	{regexp.MustCompile(`^required value is missing$`), `obligatoriskt värde saknas`},
	{regexp.MustCompile(`^(".*") is not a date \(want YYYY-MM-DD\)$`), `$1 är inget datum (ska vara ÅÅÅÅ-MM-DD)`},
	{regexp.MustCompile(`^duplicate key (.*) \(first at line (.*)\)$`), `dubblerad nyckel $1 (första gången på rad $2)`},
	{regexp.MustCompile(`^(".*") is not a known (\w+) code \(want (.*), or its Swedish label\)$`), `$1 är ingen känd kod för $2 (ska vara $3 eller dess svenska benämning)`},
	{regexp.MustCompile(`^(".*") is not a number$`), `$1 är inget tal`},
}

// ReasonText is a reject reason in the language.
func (r RejectCount) ReasonText(lang string) string {
	if lang == "en" {
		return r.Reason
	}
	for _, p := range reasonsSV {
		if p.re.MatchString(r.Reason) {
			return p.re.ReplaceAllString(r.Reason, p.sv)
		}
	}
	return r.Reason
}

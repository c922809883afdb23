// codetypes: the ENUM types of the core tables' code columns.

package transform

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sipstat/sipstat/contract"
)

// The core tables store every code column (a contract code list, the age
// band, the principal of an org type) as an ENUM of its codes instead of a
// VARCHAR: writing a VARCHAR column means analysing its strings for
// compression, an ENUM is one byte a row. At 1 000 000 SIPs this took about
// a fifth of the core tables' CPU time (meetings a third). The codes are
// sorted byte-wise, so an ENUM sorts, compares and takes min/max exactly as
// the VARCHAR did; DuckDB compares it with a string, joins it to a string
// and casts it to VARCHAR when a string is needed (coalesce with 'unknown',
// ||, a union with a VARCHAR), so the KPIs read it as before. Views
// (participants, goal_reviews) pass staging's VARCHARs through: they are not
// written.

// codeType renders the ENUM type of a code column of the contract, e.g.
// {{ code_type "sips" "context" }} → enum('child_placement', 'discharge',
// 'standard').
func codeType(table, column string) (string, error) {
	t, ok := contract.Lookup(table)
	if !ok {
		return "", fmt.Errorf("code_type: no table %q in the contract", table)
	}
	c, ok := t.Column(column)
	if !ok || c.Codes == nil {
		return "", fmt.Errorf("code_type: %s.%s is not a code column of the contract", table, column)
	}
	return enumType(c.Codes.Values()), nil
}

// ageBandType renders the ENUM type of age_band: the catalogue's age bands
// ([labels.age_band], the values of the age_band macro of params/create.sql).
func ageBandType() string {
	var codes []string
	for _, l := range Labels() {
		if l.Kind == "group:age_band" {
			codes = append(codes, l.Code)
		}
	}
	return enumType(codes)
}

// principalType renders the ENUM type of an org type's principal (huvudman).
func principalType() string {
	codes := make([]string, len(contract.OrgTypes))
	for i, o := range contract.OrgTypes {
		codes[i] = string(o.Principal)
	}
	return enumType(codes)
}

// enumType renders enum('a', 'b', …) of the distinct codes in byte order.
func enumType(codes []string) string {
	codes = slices.Clone(codes)
	slices.Sort(codes)
	codes = slices.Compact(codes)
	q := make([]string, len(codes))
	for i, c := range codes {
		q[i] = quoteLiteral(c)
	}
	return "enum(" + strings.Join(q, ", ") + ")"
}

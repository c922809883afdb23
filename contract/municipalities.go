package contract

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"
)

// scbCSV is SCB's municipality list (kommunkod, name, länskod, county name),
// copied from /work/shared/data: the codes a municipality_code of an extract
// is one of. sampledata draws its municipalities from it and transform
// writes it to ref_municipalities.
//
//go:embed scb-municipalities.csv
var scbCSV string

// SCBMunicipality is one of SCB's municipalities (kommun) with its county (län).
type SCBMunicipality struct {
	Code       string // kommunkod, four digits starting with the county's code
	Name       string
	CountyCode string // länskod, two digits
	CountyName string
}

// SCBMunicipalities are SCB's municipalities in the list's order (by kommunkod).
var SCBMunicipalities = mustParseMunicipalities(scbCSV)

// parseMunicipalities reads the list, refusing a row that is not
// kommunkod,name,länskod,county with the kommunkod starting with the länskod.
func parseMunicipalities(text string) ([]SCBMunicipality, error) {
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("scb-municipalities.csv: %w", err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("scb-municipalities.csv: no rows")
	}
	out := make([]SCBMunicipality, 0, len(recs)-1)
	for i, f := range recs[1:] {
		if len(f) != 4 || len(f[0]) != 4 || len(f[2]) != 2 || !strings.HasPrefix(f[0], f[2]) {
			return nil, fmt.Errorf("scb-municipalities.csv:%d: expected kommunkod,name,länskod,county with the kommunkod starting with the länskod, got %q", i+2, f)
		}
		out = append(out, SCBMunicipality{Code: f[0], Name: f[1], CountyCode: f[2], CountyName: f[3]})
	}
	return out, nil
}

func mustParseMunicipalities(text string) []SCBMunicipality {
	m, err := parseMunicipalities(text)
	if err != nil {
		panic(err)
	}
	return m
}

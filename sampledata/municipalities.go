package sampledata

import (
	"hash/fnv"
	"math"
	"strings"

	"github.com/sipstat/sipstat/contract"
)

// municipality is one SCB municipality with the synthetic figures the
// generator draws from.
type municipality struct {
	code, name, county string
	// population is the 31 December population of the first year of the
	// history; later years grow from it (see populationIn).
	population int64
	// growth is the yearly population growth as a fraction (0.004 = 0.4 %).
	growth float64
	prof   profile
}

// stockholmPopulation holds approximate real SCB figures (31 Dec 2023) for
// the default county, so that the default sample has municipalities of very
// different sizes (Nykvarn ~11 500 to Stockholm ~985 000).
var stockholmPopulation = map[string]int64{
	"0114": 48_500, "0115": 35_000, "0117": 48_000, "0120": 46_500,
	"0123": 85_500, "0125": 29_500, "0126": 116_000, "0127": 96_500,
	"0128": 17_800, "0136": 97_000, "0138": 49_000, "0139": 31_500,
	"0140": 11_600, "0160": 75_500, "0162": 33_000, "0163": 76_500,
	"0180": 985_000, "0181": 102_000, "0182": 109_000, "0183": 55_000,
	"0184": 85_000, "0186": 48_500, "0187": 12_300, "0188": 64_000,
	"0191": 50_500, "0192": 29_500,
}

// loadMunicipalities returns SCB's municipalities (contract.SCBMunicipalities).
func loadMunicipalities() ([]municipality, error) {
	out := make([]municipality, len(contract.SCBMunicipalities))
	for i, m := range contract.SCBMunicipalities {
		out[i] = municipality{code: m.Code, name: m.Name, county: m.CountyCode}
	}
	return out, nil
}

// syntheticPopulation gives a municipality outside the default county a
// deterministic, skewed size: log-normal around 16 000 from a hash of the
// code, with the county seats (codes ending in 80) several times larger, as
// in reality.
func syntheticPopulation(code string) int64 {
	h := fnv.New64a()
	h.Write([]byte(code))
	v := h.Sum64()
	// Two uniform numbers from the hash → one standard normal (Box–Muller).
	u1 := (float64(v>>40) + 0.5) / float64(1<<24)
	u2 := (float64(v&0xffffff) + 0.5) / float64(1<<24)
	z := math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
	p := 16_000 * math.Exp(0.8*z)
	if strings.HasSuffix(code, "80") {
		p *= 8
	}
	return int64(math.Max(2_400, math.Min(p, 650_000)))
}

// populationIn returns the municipality's population on 31 December of the
// given year, growing from the first history year.
func (m *municipality) populationIn(year, firstYear int) int64 {
	return int64(math.Round(float64(m.population) * math.Pow(1+m.growth, float64(year-firstYear))))
}

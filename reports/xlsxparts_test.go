package reports_test

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// xlsxParts reads a workbook's XML parts and follows their relationships:
// workbook → sheet → drawing → chart. The tests that read chart anchors and
// chart contents walk the package through it.
type xlsxParts struct {
	z *zip.ReadCloser
}

// openParts opens the workbook's package; it is closed when the test ends.
func openParts(t *testing.T, path string) *xlsxParts {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { z.Close() })
	return &xlsxParts{z: z}
}

// read returns a part's text, or "" when the package has no such part.
func (p *xlsxParts) read(name string) string {
	r, err := p.z.Open(name)
	if err != nil {
		return ""
	}
	defer r.Close()
	b, _ := io.ReadAll(r)
	return string(b)
}

// rels maps the relationship ids of part to their resolved part names.
func (p *xlsxParts) rels(part string) map[string]string {
	var x struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	_ = xml.Unmarshal([]byte(p.read(filepath.Dir(part)+"/_rels/"+filepath.Base(part)+".rels")), &x)
	out := map[string]string{}
	for _, r := range x.Rels {
		if strings.HasPrefix(r.Target, "/") {
			out[r.ID] = strings.TrimPrefix(r.Target, "/")
		} else {
			out[r.ID] = filepath.Clean(filepath.Join(filepath.Dir(part), r.Target))
		}
	}
	return out
}

// sheet is one worksheet of the package: its name and part.
type sheet struct {
	name, path string
}

// sheets lists the worksheets in workbook order.
func (p *xlsxParts) sheets() []sheet {
	wbRels := p.rels("xl/workbook.xml")
	var out []sheet
	for _, m := range sheetRe.FindAllStringSubmatch(p.read("xl/workbook.xml"), -1) {
		out = append(out, sheet{name: strings.ReplaceAll(m[1], "&amp;", "&"), path: wbRels[m[2]]})
	}
	return out
}

// drawings lists the drawing parts a sheet's XML refers to.
func (p *xlsxParts) drawings(sheetPath, sheetXML string) []string {
	rels := p.rels(sheetPath)
	var out []string
	for _, d := range drawingRe.FindAllStringSubmatch(sheetXML, -1) {
		out = append(out, rels[d[1]])
	}
	return out
}

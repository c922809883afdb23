package ingest

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/sipstat/sipstat/contract"
	"github.com/xuri/excelize/v2"
)

// A workbook column of the wrong type for the contract (data contract, "What
// bad input gets": a typed file's column of the wrong type stops the load
// with one message naming it) is one where no non-empty cell can hold the
// contract's type. Two ways to see it, each over every non-empty cell of a
// date, whole-number or yes/no column:
//
//   - by the cells' form (xlsxFormProbe, before the rows are read): every
//     cell is a number whose number format contradicts the type — a date
//     column of plain numbers (no date format), a whole-number or yes/no
//     column of Excel date cells;
//   - by the cells' values (xlsxRows' tally, while the rows are read): no
//     cell's value passes the type check (a date column of text that is no
//     date, or numbers that are no Excel date; a whole-number column of
//     text).
//
// A few bad cells among good ones stay ordinary row rejects, and so does a
// column's only non-empty cell (minWrongTypeCells): one typo in a sparse
// optional column is a row's problem, not the column's type. The probe reads
// the sheet's XML only until every typed column has shown one cell that
// fits (or one text cell, whose value the tally judges): in a sound sheet
// that is the first data row.

// minWrongTypeCells is the fewest non-empty cells a column of the wrong type
// has.
const minWrongTypeCells = 2

// wrongTypeError is the one message of a wrong-typed workbook column.
func wrongTypeError(f *inputFile, col contract.Column, stored string) error {
	return fmt.Errorf("%s: column %s is stored as %s in every non-empty cell, but the contract's %s is %s; nothing was loaded",
		f.where(), col.Name, stored, col.Name, typeWant(col.Type))
}

// typedTypes are the contract types the type rule looks at, with how the
// messages word them: what the contract wants, and what its values are.
var typedTypes = map[contract.Type]struct{ want, noun string }{
	contract.TypeDate: {"a date (want Excel date cells or text YYYY-MM-DD)", "dates"},
	contract.TypeInt:  {"a whole number (want number cells without a date format, or text)", "whole numbers"},
	contract.TypeBool: {"a yes/no value (want TRUE/FALSE, 0/1 or text)", "yes/no values"},
}

func typeWant(t contract.Type) string {
	if w, ok := typedTypes[t]; ok {
		return w.want
	}
	return "text"
}

// typeNoun names a typed column's values (only typed columns are named).
func typeNoun(t contract.Type) string { return typedTypes[t].noun }

// typedColumn says whether the type rule looks at a contract column.
func typedColumn(t contract.Type) bool {
	_, ok := typedTypes[t]
	return ok
}

// valueFits says whether a cell's text (as xlsxRows passes it on) passes the
// contract type's check (cells.go mirrors the SQL macros).
func valueFits(t contract.Type, cell string) bool {
	cell = strings.TrimSpace(cell)
	switch t {
	case contract.TypeDate:
		_, ok := parseDate(cell)
		return ok
	case contract.TypeInt:
		_, ok := parseInt(cell)
		return ok
	case contract.TypeBool:
		_, ok := parseBool(cell)
		return ok
	}
	return true
}

// isDateFormat says whether an Excel number format shows a date or time:
// the built-in date and time formats, or a custom code with a date or time
// token outside quotes, brackets and escapes.
func isDateFormat(id int, custom *string) bool {
	if custom == nil || *custom == "" {
		return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
	}
	code := strings.ToLower(*custom)
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case '[':
			if j := strings.IndexByte(code[i+1:], ']'); j >= 0 {
				i += j + 1
			}
		case '\\', '_', '*':
			i++
		case 'y', 'm', 'd', 'h', 's':
			return true
		case 'g':
			if strings.HasPrefix(code[i:], "general") {
				i += len("general") - 1
			}
		}
	}
	return false
}

// probeColumn is what the probe saw in one typed column.
type probeColumn struct {
	col      contract.Column
	index    int // 1-based sheet column
	nonEmpty int
	settled  bool   // a fitting cell (or a text cell) was seen
	stored   string // the contradicting form of the cells seen, for the message
}

// xlsxFormProbe reads the sheet's cells' forms (type attribute and number
// format) until every typed column of the header has shown a cell that fits
// its type or a text cell; a typed column with cells of which none did is of
// the wrong type.
func xlsxFormProbe(f *inputFile, wb *excelize.File) error {
	var cols []*probeColumn
	byIndex := map[int]*probeColumn{}
	for i, h := range f.Header {
		c, ok := f.Table.Column(normName(h))
		if !ok || !typedColumn(c.Type) {
			continue
		}
		pc := &probeColumn{col: *c, index: i + 1}
		cols = append(cols, pc)
		byIndex[i+1] = pc
	}
	if len(cols) == 0 {
		return nil
	}
	zr, err := zip.OpenReader(f.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	defer zr.Close()
	sheetPath, err := workbookSheetPath(&zr.Reader, f.Sheet)
	if err != nil || sheetPath == "" {
		// excelize read the sheet already; a workbook whose parts this
		// probe cannot follow is judged by the values alone.
		return nil
	}
	var sheet *zip.File
	for _, zf := range zr.File {
		if zf.Name == sheetPath {
			sheet = zf
			break
		}
	}
	if sheet == nil {
		return nil
	}
	rc, err := sheet.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()

	dateStyle := map[int]bool{}
	isDateStyle := func(s int) bool {
		if s == 0 {
			return false
		}
		v, ok := dateStyle[s]
		if !ok {
			if st, err := wb.GetStyle(s); err == nil && st != nil {
				v = isDateFormat(st.NumFmt, st.CustomNumFmt)
			}
			dateStyle[s] = v
		}
		return v
	}
	open := len(cols)
	dec := xml.NewDecoder(rc)
	row, col := 0, 0
	for open > 0 {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil // excelize's reading names a damaged sheet
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			row++
			col = 0
			for _, a := range se.Attr {
				if a.Name.Local == "r" {
					fmt.Sscan(a.Value, &row)
				}
			}
		case "c":
			col++
			var typ, ref string
			style := 0
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "r":
					ref = a.Value
				case "t":
					typ = a.Value
				case "s":
					fmt.Sscan(a.Value, &style)
				}
			}
			if ref != "" {
				if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
					col, row = c, r
				}
			}
			var cell struct {
				V  string `xml:"v"`
				IS *struct {
					T string `xml:",innerxml"`
				} `xml:"is"`
			}
			if err := dec.DecodeElement(&cell, &se); err != nil {
				return nil
			}
			pc := byIndex[col]
			if row <= 1 || pc == nil || pc.settled || strings.TrimSpace(cell.V) == "" && cell.IS == nil {
				continue
			}
			pc.nonEmpty++
			fits, stored := cellFormFits(pc.col.Type, typ, isDateStyle(style))
			if fits {
				pc.settled = true
				open--
			} else if pc.stored == "" {
				pc.stored = stored
			}
		}
	}
	for _, pc := range cols {
		if !pc.settled && pc.nonEmpty >= minWrongTypeCells {
			return wrongTypeError(f, pc.col, pc.stored)
		}
	}
	return nil
}

// cellFormFits says whether a cell's form (its type attribute and whether
// its number format is a date's) can hold a contract type; a text, error or
// formula-text cell always can here (its value is judged by the tally).
// stored names a form that cannot.
func cellFormFits(t contract.Type, cellType string, dateFormat bool) (fits bool, stored string) {
	switch cellType {
	case "s", "inlineStr", "str", "e":
		return true, ""
	case "b":
		return t == contract.TypeBool, "TRUE/FALSE cells"
	case "d":
		return t == contract.TypeDate, "Excel date cells"
	}
	// a number
	switch t {
	case contract.TypeDate:
		return dateFormat, "plain numbers (no date format)"
	default:
		return !dateFormat, "Excel date cells (a date format)"
	}
}

// workbookSheetPath finds the zip path of a sheet by its name
// (xl/workbook.xml and its relationships).
func workbookSheetPath(zr *zip.Reader, name string) (string, error) {
	read := func(p string) ([]byte, error) {
		for _, zf := range zr.File {
			if zf.Name == p {
				rc, err := zf.Open()
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				return io.ReadAll(rc)
			}
		}
		return nil, fmt.Errorf("%s: not in the workbook", p)
	}
	wbXML, err := read("xl/workbook.xml")
	if err != nil {
		return "", err
	}
	var wbDoc struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wbXML, &wbDoc); err != nil {
		return "", err
	}
	var rid string
	for _, s := range wbDoc.Sheets {
		if s.Name != name {
			continue
		}
		for _, a := range s.Attr {
			if a.Name.Local == "id" {
				rid = a.Value
			}
		}
	}
	if rid == "" {
		return "", nil
	}
	relsXML, err := read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return "", err
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(relsXML, &rels); err != nil {
		return "", err
	}
	for _, r := range rels.Rels {
		if r.ID != rid {
			continue
		}
		if strings.HasPrefix(r.Target, "/") {
			return strings.TrimPrefix(r.Target, "/"), nil
		}
		return path.Join("xl", r.Target), nil
	}
	return "", nil
}

package ingest

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sipstat/sipstat/contract"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// Formats and encodings as recorded in load_files.
const (
	formatCSV     = "csv"
	formatXLSX    = "xlsx"
	formatParquet = "parquet"

	encUTF8    = "utf-8"
	encUTF8BOM = "utf-8-bom"
	encCP1252  = "windows-1252"

	workbookName = "extract.xlsx"
	manifestName = "manifest.json"
)

// manifest is manifest.json of an extract folder.
type manifest struct {
	ContractVersion string `json:"contract_version"`
	Source          string `json:"source"`
	RegionCode      string `json:"region_code"`
	ExtractedAt     string `json:"extracted_at"`
}

// inputFile is one delivered table: a CSV or Parquet file, or a sheet of the
// workbook.
type inputFile struct {
	Table     *contract.Table
	Name      string // the file name people see: sips.csv, extract.xlsx
	Path      string
	Format    string
	Encoding  string // CSV only
	Delimiter string // CSV only
	Header    []string
	Sheet     string   // XLSX only
	Scan      fileScan // CSV only: what the read of its bytes found
	// GoRead: a CSV file read in Go (encoding/csv) and staged as Arrow,
	// not by DuckDB's read_csv: Windows-1252, or UTF-8 with an invalid
	// byte or a line longer than read_csv reads.
	GoRead bool
}

// where names the file (and sheet) in messages.
func (f *inputFile) where() string {
	if f.Format == formatXLSX {
		return f.Name + "[" + f.Sheet + "]"
	}
	return f.Name
}

// extract is an extract folder, read and checked before the database is touched.
type extract struct {
	Dir         string
	Manifest    *manifest
	AsOf        time.Time // zero when neither manifest nor options give it
	Files       []*inputFile
	Fingerprint string
	Warnings    []warning
	Bytes       int64
}

type warning struct{ File, Message string }

// scanExtract lists an extract folder: which table comes in which file and
// form, the manifest, each CSV's encoding and delimiter, and a fingerprint of
// everything. Unreadable input stops here, before the database is touched.
func scanExtract(dir string) (*extract, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read extract folder: %w", err)
	}
	// The folder's name may be the source, and is stored with its path
	// (load_sources.extract_dir); every file name may be echoed.
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	// (Its parents are not the extract's: a number there is redacted where
	// the path is stored.)
	if containsPersonalNumber(filepath.Base(abs)) {
		return nil, privacyPlaceError("the extract folder's name")
	}
	for _, e := range entries {
		if containsPersonalNumber(e.Name()) {
			return nil, privacyPlaceError(fmt.Sprintf("the name of a file in the extract folder (%d. in name order)", slices.Index(entries, e)+1))
		}
	}
	if err := checkLinks(dir, entries); err != nil {
		return nil, err
	}
	ex := &extract{Dir: dir}
	byTable := map[string]*inputFile{}
	add := func(f *inputFile) error {
		if prev, ok := byTable[f.Table.Name]; ok {
			return fmt.Errorf("%s: table %s is delivered twice (also in %s)", f.where(), f.Table.Name, prev.where())
		}
		byTable[f.Table.Name] = f
		return nil
	}
	// Every file's bytes are read once, in parallel after the listing: a
	// CSV file by sniffCSV, any other file for its digest.
	type read struct {
		name, path string
		csv        *inputFile // nil: not a CSV file
		digest     string
		size       int64
		err        error
	}
	var reads []*read
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			continue
		}
		path := filepath.Join(dir, name)
		lower := strings.ToLower(name)
		ext := filepath.Ext(lower)
		base := strings.TrimSuffix(lower, ext)
		switch {
		case lower == manifestName:
			m, err := readManifest(path)
			if err != nil {
				return nil, err
			}
			ex.Manifest = m
		case ext == ".csv" || ext == ".parquet":
			t, ok := contract.Lookup(base)
			if !ok {
				return nil, fmt.Errorf("%s: unknown table %q (want one of %s)", name, base, tableNames())
			}
			f := &inputFile{Table: t, Name: name, Path: path, Format: strings.TrimPrefix(ext, ".")}
			if f.Format == formatCSV {
				if err := add(f); err != nil {
					return nil, err
				}
				reads = append(reads, &read{name: name, path: path, csv: f})
				continue
			}
			if err := checkParquet(f); err != nil {
				return nil, err
			}
			if err := add(f); err != nil {
				return nil, err
			}
		case lower == workbookName:
			sheets, err := workbookSheets(path, name)
			if err != nil {
				return nil, err
			}
			for _, f := range sheets {
				if err := add(f); err != nil {
					return nil, err
				}
			}
		case ext == ".xlsx" || ext == ".xls":
			return nil, fmt.Errorf("%s: unexpected workbook (want one %s with a sheet per table)", name, workbookName)
		default:
			ex.Warnings = append(ex.Warnings, warning{name, "not part of an extract; ignored"})
			continue
		}
		reads = append(reads, &read{name: name, path: path})
	}
	// The largest files first, so the cores finish together.
	order := make([]*read, len(reads))
	copy(order, reads)
	sizes := map[*read]int64{}
	for _, r := range reads {
		if st, err := os.Stat(r.path); err == nil {
			sizes[r] = st.Size()
		}
	}
	slices.SortStableFunc(order, func(a, b *read) int { return cmp.Compare(sizes[b], sizes[a]) })
	parallel(len(order), func(i int) {
		r := order[i]
		if r.csv == nil {
			r.digest, r.size, r.err = fileDigest(r.path)
			return
		}
		r.err = sniffCSV(r.csv)
		r.digest, r.size = r.csv.Scan.Digest, r.csv.Scan.Size
	})
	var hashed []string
	for _, r := range reads {
		if r.err != nil {
			return nil, r.err
		}
		ex.Bytes += r.size
		hashed = append(hashed, r.name+"\x00"+r.digest)
	}
	for i := range contract.Tables {
		t := &contract.Tables[i]
		if f, ok := byTable[t.Name]; ok {
			ex.Files = append(ex.Files, f)
		} else if !t.Optional {
			return nil, fmt.Errorf("%s: table %s is missing (want %s.csv, %s.parquet or a sheet %s in %s)",
				dir, t.Name, t.Name, t.Name, t.Name, workbookName)
		}
	}
	sort.Strings(hashed)
	hash := sha256.New()
	fmt.Fprintf(hash, "contract %s\n", contract.Version)
	for _, h := range hashed {
		fmt.Fprintln(hash, h)
	}
	ex.Fingerprint = hex.EncodeToString(hash.Sum(nil))
	return ex, nil
}

// checkLinks refuses a symbolic link in the extract folder that leads out
// of it (or nowhere): only the extract's own files are read, and nothing of
// another file is quoted.
func checkLinks(dir string, entries []os.DirEntry) error {
	var root string
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink == 0 || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if root == "" {
			r, err := filepath.EvalSymlinks(dir)
			if err != nil {
				return fmt.Errorf("read extract folder: %w", err)
			}
			if root, err = filepath.Abs(r); err != nil {
				return err
			}
		}
		target, err := filepath.EvalSymlinks(filepath.Join(dir, e.Name()))
		if err != nil {
			return fmt.Errorf("%s: a symbolic link that leads nowhere; refused", e.Name())
		}
		if target, err = filepath.Abs(target); err != nil {
			return err
		}
		if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("%s: a symbolic link that leads out of the extract folder; refused (only the extract's own files are read)", e.Name())
		}
	}
	return nil
}

func tableNames() string {
	names := make([]string, len(contract.Tables))
	for i, t := range contract.Tables {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

func readManifest(path string) (*manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	// Every byte of the manifest, unknown keys too: its values are stored
	// and echoed.
	if where, found := manifestPersonalNumber(b); found {
		return nil, privacyPlaceError(manifestName + where)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: not valid JSON: %w", manifestName, err)
	}
	if m.ContractVersion != "" && m.ContractVersion != contract.Version {
		return nil, fmt.Errorf("%s: contract_version %q is not supported (want %q)", manifestName, m.ContractVersion, contract.Version)
	}
	if m.ExtractedAt != "" {
		if _, ok := parseDate(m.ExtractedAt); !ok {
			return nil, fmt.Errorf("%s: extracted_at: %q is not a date (want YYYY-MM-DD)", manifestName, m.ExtractedAt)
		}
	}
	if m.RegionCode != "" && !(len(m.RegionCode) == 2 && isDigits(m.RegionCode)) {
		return nil, fmt.Errorf("%s: region_code: %q is not a region code (want 2 digits, e.g. 01)", manifestName, m.RegionCode)
	}
	m.Source = strings.TrimSpace(m.Source)
	return &m, nil
}

// manifestPersonalNumber finds a personal number in a manifest: in its
// bytes, or in any key or value as decoded (a JSON escape such as \u0031
// hides digits from the bytes). where names the top-level key when it can
// tell (" (key …)", " (a key)").
func manifestPersonalNumber(b []byte) (where string, found bool) {
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		// Not an object: only its bytes can be checked (it is refused
		// anyway).
		var v any
		if json.Unmarshal(b, &v) == nil && jsonHasPersonalNumber(v) {
			return "", true
		}
		return "", containsPersonalNumber(b)
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if containsPersonalNumber(k) {
			return " (a key)", true
		}
		if jsonHasPersonalNumber(m[k]) {
			return fmt.Sprintf(" (key %q)", k), true
		}
	}
	return "", containsPersonalNumber(b)
}

// jsonHasPersonalNumber looks into every key and value of a decoded JSON
// value (numbers as written: 191212121212 is one).
func jsonHasPersonalNumber(v any) bool {
	switch v := v.(type) {
	case string:
		return containsPersonalNumber(v)
	case map[string]any:
		for k, x := range v {
			if containsPersonalNumber(k) || jsonHasPersonalNumber(x) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if jsonHasPersonalNumber(x) {
				return true
			}
		}
	case float64:
		return containsPersonalNumber(strconv.FormatFloat(v, 'f', -1, 64))
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func fileDigest(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sniffCSV reads a CSV file: its start decides the delimiter (from the
// header line) and refuses a binary file; then one read of all its bytes
// (scanCSVFile) decides the encoding (valid UTF-8, with or without BOM, else
// Windows-1252) and finds what the load needs to know before it starts.
func sniffCSV(f *inputFile) error {
	fh, err := os.Open(f.Path)
	if err != nil {
		return err
	}
	head := make([]byte, 64<<10)
	n, err := io.ReadFull(fh, head)
	fh.Close()
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return fmt.Errorf("read %s: %w", f.Name, err)
	}
	head = head[:n]
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return fmt.Errorf("%s: the file is UTF-16 text; save it as UTF-8 (or Windows-1252) CSV", f.Name)
	}
	if n > 0 && looksBinary(head) {
		return fmt.Errorf("%s: binary file, not CSV text", f.Name)
	}
	bom := bytes.HasPrefix(head, utf8BOM)
	head = bytes.TrimPrefix(head, utf8BOM)
	if len(bytes.TrimSpace(head)) == 0 {
		return fmt.Errorf("%s: empty file (want a header row naming the columns)", f.Name)
	}
	line := head
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if i := bytes.IndexByte(line, '\r'); i >= 0 && i < len(bytes.TrimRight(line, "\r")) {
		// The whole file would be one header line.
		return fmt.Errorf("%s: the lines end in a lone CR (old Mac line ends); save the file with LF or CRLF line ends", f.Name)
	}
	line = bytes.TrimRight(line, "\r")
	// ',' and ';' are the same byte in both encodings.
	f.Delimiter = ","
	if countOutsideQuotes(line, ';') > countOutsideQuotes(line, ',') {
		f.Delimiter = ";"
	}
	if f.Scan, err = scanCSVFile(f.Path, f.Delimiter[0], textKeyColumns(f.Table, line, f.Delimiter[0])); err != nil {
		return fmt.Errorf("read %s: %w", f.Name, err)
	}
	if f.Scan.NUL {
		return fmt.Errorf("%s: binary file, not CSV text (it contains NUL bytes)", f.Name)
	}
	f.Encoding, f.GoRead = decideEncoding(f.Scan, bom)
	if f.Encoding == encCP1252 {
		if line, err = charmap.Windows1252.NewDecoder().Bytes(line); err != nil {
			return fmt.Errorf("%s:1: %w", f.Name, err)
		}
	} else if !utf8.Valid(line) {
		return fmt.Errorf("%s:1: the header has a byte that is not UTF-8 (the file is UTF-8 elsewhere)", f.Name)
	}
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma = rune(f.Delimiter[0])
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s:1: header: %w", f.Name, err)
	}
	f.Header = header
	return checkHeader(f)
}

// textKeyColumns finds the table's key columns in a CSV header line (its
// bytes as read: contract names are ASCII, the same in both encodings), in
// file order; nil when the key has a column that is not text (a typed value
// may be equal for unequal cells, such as 2024 and 2024.0), is optional or
// is missing.
func textKeyColumns(t *contract.Table, line []byte, delim byte) []int {
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma = rune(delim)
	header, err := r.Read()
	if err != nil {
		return nil
	}
	var cols []int
	for _, k := range t.Key {
		c, _ := t.Column(k)
		if c.Type != contract.TypeID && c.Type != contract.TypeText || !c.Required {
			// keyChecker skips rows with an empty key cell: they are never
			// written only when the key is required.
			return nil
		}
		at := slices.IndexFunc(header, func(h string) bool { return normName(h) == k })
		if at < 0 {
			return nil
		}
		cols = append(cols, at)
	}
	slices.Sort(cols)
	return cols
}

// looksBinary is true when the start of a file has many control characters
// that never occur in text.
func looksBinary(b []byte) bool {
	ctl := 0
	for _, c := range b {
		if c < 0x09 || (c > 0x0D && c < 0x20) {
			ctl++
		}
	}
	return ctl > len(b)/10
}

func countOutsideQuotes(line []byte, sep byte) int {
	n, quoted := 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == sep && !quoted:
			n++
		}
	}
	return n
}

// normName is how a header cell is matched to a contract column.
func normName(s string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
}

// checkHeader refuses a header with a repeated column or without a required
// column of the contract.
func checkHeader(f *inputFile) error {
	// A header is echoed in warnings and stored in load_warnings, also of a
	// column outside the contract.
	for i, h := range f.Header {
		if containsPersonalNumber(h) {
			return privacyPlaceError(fmt.Sprintf("%s:1: the header of column %d", f.where(), i+1))
		}
	}
	seen := map[string]bool{}
	for _, h := range f.Header {
		n := normName(h)
		if n == "" {
			continue
		}
		if seen[n] {
			return fmt.Errorf("%s:1: column %s appears twice in the header", f.where(), n)
		}
		seen[n] = true
	}
	known := 0
	for _, c := range f.Table.Columns {
		if seen[c.Name] {
			known++
		}
	}
	for _, c := range f.Table.Columns {
		if c.Required && !seen[c.Name] {
			if known == 0 {
				// Not a table of the contract at all: its first line is
				// not quoted (it may be any file's content).
				return fmt.Errorf("%s:1: required column %s is missing (no column of the header is one of table %s)", f.where(), c.Name, f.Table.Name)
			}
			return fmt.Errorf("%s:1: required column %s is missing (the header has: %s)", f.where(), c.Name, strings.Join(f.Header, ", "))
		}
	}
	return nil
}

// checkParquet refuses a file that is not Parquet by its magic number, so a
// misnamed file fails with a clear line rather than a DuckDB error.
func checkParquet(f *inputFile) error {
	fh, err := os.Open(f.Path)
	if err != nil {
		return err
	}
	defer fh.Close()
	magic := make([]byte, 4)
	if _, err := io.ReadFull(fh, magic); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("%s: empty file (want a Parquet file)", f.Name)
		}
		return err
	}
	if string(magic) != "PAR1" {
		return fmt.Errorf("%s: not a Parquet file", f.Name)
	}
	return nil
}

// workbookSheets lists extract.xlsx: one input per sheet named after a table.
func workbookSheets(path, name string) ([]*inputFile, error) {
	wb, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable XLSX workbook: %w", name, err)
	}
	defer wb.Close()
	var out []*inputFile
	for i, sheet := range wb.GetSheetList() {
		if containsPersonalNumber(sheet) {
			return nil, privacyPlaceError(fmt.Sprintf("%s: the name of sheet %d", name, i+1))
		}
		t, ok := contract.Lookup(normName(sheet))
		if !ok {
			return nil, fmt.Errorf("%s: sheet %q is not a table (want one of %s)", name, sheet, tableNames())
		}
		rows, err := wb.Rows(sheet)
		if err != nil {
			return nil, fmt.Errorf("%s[%s]: %w", name, sheet, err)
		}
		var header []string
		if rows.Next() {
			header, err = rows.Columns(excelize.Options{RawCellValue: true})
		}
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("%s[%s]:1: %w", name, sheet, err)
		}
		for len(header) > 0 && strings.TrimSpace(header[len(header)-1]) == "" {
			header = header[:len(header)-1]
		}
		f := &inputFile{Table: t, Name: name, Path: path, Format: formatXLSX, Sheet: sheet, Header: header}
		if len(header) == 0 {
			return nil, fmt.Errorf("%s:1: empty sheet (want a header row naming the columns)", f.where())
		}
		if err := checkHeader(f); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no sheets", name)
	}
	return out, nil
}

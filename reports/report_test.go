package reports_test

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/reports"
	"github.com/sipstat/sipstat/reports/internal/reporttest"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

func TestMain(m *testing.M) { reporttest.Main(m) }

// The sheets the issue names, in Swedish.
var familySheets = []string{"Genomförande", "Ledtider", "Närvaro", "Delaktighet", "Mål", "Uppföljning",
	"Planens innehåll", "Samtycke", "Avslut", "Avvikelser", "Arbetssätt", "Brukarrevision"}

var created = time.Date(2026, 10, 6, 8, 30, 0, 0, time.UTC)

// published is what `kpi --suppress` prints for the trend's quarters:
// transform.Values through transform.Suppress, keyed by period, KPI,
// breakdown and group.
type published map[[4]string]transform.Value

func expected(t *testing.T, db *warehouse.DB, p transform.Period, threshold int) published {
	t.Helper()
	var labels []string
	for _, q := range p.Trend(8) {
		labels = append(labels, q.Label)
	}
	vs, err := transform.Values(context.Background(), db, transform.Filter{Periods: labels})
	if err != nil {
		t.Fatal(err)
	}
	transform.Suppress(vs, threshold)
	out := published{}
	for _, v := range vs {
		out[[4]string{v.Period, v.KPIID, v.Breakdown, v.Group}] = v
	}
	return out
}

// checkCell says what is wrong with a cell that should show v, or "".
func checkCell(f *excelize.File, sheet, ref string, v transform.Value, found bool) string {
	got, err := f.GetCellValue(sheet, ref)
	if err != nil {
		return err.Error()
	}
	typ, _ := f.GetCellType(sheet, ref)
	switch {
	case !found || v.NoData:
		if got != "-" {
			return fmt.Sprintf("%s!%s = %q, want - (no data)", sheet, ref, got)
		}
	case v.Value == nil && !v.Suppressed:
		// The catalogue has the row but no units: Kolada's "not applicable".
		if got != "." {
			return fmt.Sprintf("%s!%s = %q, want . (not applicable)", sheet, ref, got)
		}
	case v.Suppressed:
		if got != ".." {
			return fmt.Sprintf("%s!%s = %q, want .. (suppressed)", sheet, ref, got)
		}
	default:
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			return fmt.Sprintf("%s!%s = %q is text, want the number %v", sheet, ref, got, *v.Value)
		}
		x, err := strconv.ParseFloat(got, 64)
		if err != nil || math.Abs(x-*v.Value) > 1e-9*math.Max(1, math.Abs(*v.Value)) {
			return fmt.Sprintf("%s!%s = %q, want %v", sheet, ref, got, *v.Value)
		}
	}
	return ""
}

type workbook struct {
	path string
	f    *excelize.File
	cat  []transform.KPI
	byID map[string]transform.KPI
	want published
	p    transform.Period
}

func writeWorkbook(t *testing.T, municipality string) *workbook {
	t.Helper()
	ctx := context.Background()
	db := reporttest.Open(t)
	p := transform.Quarter(2026, 3)
	start := time.Now()
	paths, err := reports.Write(ctx, db, reports.Options{Period: p, OutDir: t.TempDir(), Municipality: municipality,
		Settings: transform.DefaultSettings(), Created: created})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("reports.Write: %v", time.Since(start))
	wantName := "sip-rapport-2026Q3.xlsx"
	if municipality != "" {
		wantName = "sip-rapport-2026Q3-" + municipality + ".xlsx"
	}
	if len(paths) != 2 || filepath.Base(paths[0]) != wantName || filepath.Ext(paths[1]) != ".html" {
		t.Fatalf("paths = %v, want %s and its .html", paths, wantName)
	}
	f, err := excelize.OpenFile(paths[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	cat, err := transform.LoadCatalog(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	w := &workbook{path: paths[0], f: f, cat: cat, byID: map[string]transform.KPI{}, want: expected(t, db, p, 5), p: p}
	for _, k := range cat {
		w.byID[k.ID] = k
	}
	return w
}

func (w *workbook) kpiByName(name string) (transform.KPI, bool) {
	for _, k := range w.cat {
		if k.NameSV == name {
			return k, true
		}
	}
	return transform.KPI{}, false
}

func TestWorkbook(t *testing.T) {
	w := writeWorkbook(t, "")
	f := w.f
	period, prev, year := w.p.Label, w.p.Previous().Label, w.p.YearAgo().Label

	t.Run("every sheet the issue names exists, in order", func(t *testing.T) {
		want := append(append([]string{"Sammanfattning", "Alla nyckeltal"}, familySheets...), "Kartläggning", "Datakvalitet", "Definitioner", "Värden")
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Fatalf("sheets = %q\nwant     %q", got, want)
		}
	})

	t.Run("the steering summary shows the eight headline KPIs with value, count and last year", func(t *testing.T) {
		rows, err := f.GetRows("Sammanfattning")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(rows[0][0], "2026Q3") || !strings.Contains(rows[1][0], "2026-10-05") {
			t.Fatalf("title/subtitle = %q / %q", rows[0], rows[1])
		}
		head := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 1 && r[0] == "Nyckeltal" })
		if head < 0 || head > 12 {
			t.Fatalf("no KPI table near the top: %q", rows)
		}
		// Three to five sentences above the table.
		sentences := 0
		for _, r := range rows[:head] {
			if len(r) > 0 && strings.HasPrefix(r[0], "• ") {
				sentences++
			}
		}
		if sentences < 3 || sentences > 5 {
			t.Errorf("%d sentences, want 3–5", sentences)
		}
		var ids []string
		for i := head + 1; i < len(rows) && len(rows[i]) > 1 && rows[i][0] != ""; i++ {
			name, _, _ := strings.Cut(rows[i][0], "\n")
			k, ok := w.kpiByName(name)
			if !ok {
				t.Fatalf("row %d: %q is no catalogue KPI", i+1, rows[i][0])
			}
			ids = append(ids, k.ID)
			for col, per := range map[string]string{"B": period, "F": year} {
				v, found := w.want[[4]string{per, k.ID, "total", ""}]
				if msg := checkCell(f, "Sammanfattning", fmt.Sprintf("%s%d", col, i+1), v, found); msg != "" {
					t.Error(k.ID + ": " + msg)
				}
			}
			// The count behind a share: "numerator av denominator".
			v := w.want[[4]string{period, k.ID, "total", ""}]
			if v.Numerator != nil && !v.Suppressed {
				want := fmt.Sprintf("%s av %s", strings.ReplaceAll(fmt.Sprintf("%.0f", *v.Numerator), "", ""), fmt.Sprintf("%.0f", *v.Denominator))
				if got := strings.ReplaceAll(rows[i][3], "\u00a0", ""); got != want {
					t.Errorf("%s count = %q, want %q", k.ID, rows[i][3], want)
				}
			}
		}
		want := []string{"coverage", "discharge_sip_share", "within_target_share", "summoned_attendance_share",
			"individual_present_share", "child_present_share", "goal_achieved_share", "followup_on_time_share"}
		if !slices.Equal(ids, want) {
			t.Errorf("summary KPIs = %q, want %q", ids, want)
		}
	})

	t.Run("the full table shows every headline KPI's value, previous quarter, last year and target", func(t *testing.T) {
		rows, err := f.GetRows("Alla nyckeltal")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(rows[0][0], "2026Q3") || !strings.Contains(strings.Join(rows[2], " "), "2026-10-05") {
			t.Fatalf("title/as-of rows = %q / %q", rows[0], rows[2])
		}
		seen := map[string]bool{}
		for i := 9; i < len(rows) && len(rows[i]) > 1 && rows[i][0] != ""; i++ {
			k, ok := w.kpiByName(rows[i][1])
			if !ok {
				t.Fatalf("row %d: %q is no catalogue KPI", i+1, rows[i][1])
			}
			seen[k.ID] = true
			for col, per := range map[string]string{"D": period, "E": prev, "F": year} {
				v, found := w.want[[4]string{per, k.ID, "total", ""}]
				if msg := checkCell(f, "Alla nyckeltal", fmt.Sprintf("%s%d", col, i+1), v, found); msg != "" {
					t.Error(k.ID + ": " + msg)
				}
			}
			for qi, q := range w.p.Trend(8) {
				// The sparkline's data: the number, or empty where suppressed or missing.
				v, found := w.want[[4]string{q.Label, k.ID, "total", ""}]
				ref, _ := excelize.CoordinatesToCellName(10+qi, i+1)
				got, _ := f.GetCellValue("Alla nyckeltal", ref)
				if found && v.Value != nil {
					if x, err := strconv.ParseFloat(got, 64); err != nil || math.Abs(x-*v.Value) > 1e-9*math.Max(1, math.Abs(*v.Value)) {
						t.Errorf("%s trend %s = %q, want %v", k.ID, q.Label, got, *v.Value)
					}
				} else if got != "" {
					t.Errorf("%s trend %s = %q, want empty", k.ID, q.Label, got)
				}
			}
			tgt, _ := f.GetCellValue("Alla nyckeltal", fmt.Sprintf("G%d", i+1))
			if k.Target == nil && tgt != "-" || k.Target != nil && tgt != strconv.FormatFloat(*k.Target, 'f', -1, 64) {
				t.Errorf("%s target = %q, want %v", k.ID, tgt, k.Target)
			}
		}
		for _, k := range w.cat {
			if k.IsHeadline() && !seen[k.ID] {
				t.Errorf("headline KPI %s missing from the summary", k.ID)
			}
		}
	})

	t.Run("each family sheet's municipality table and trend equal the catalogue's values", func(t *testing.T) {
		for _, sheet := range familySheets {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			// The comparison: "Kommun", one column per KPI, then "Kod".
			h := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 2 && r[0] == "Kommun" })
			if h < 0 {
				t.Fatalf("%s: no municipality table", sheet)
			}
			header := rows[h]
			codeCol := slices.Index(header, "Kod")
			if codeCol < 0 {
				t.Fatalf("%s: header = %q", sheet, header)
			}
			checked := 0
			r := h + 1
			for ; r < len(rows) && len(rows[r]) > codeCol && rows[r][codeCol] != ""; r++ {
				code := rows[r][codeCol]
				for c := 1; c < codeCol; c++ {
					k, ok := w.kpiByName(header[c])
					if !ok {
						t.Fatalf("%s: column %q is no KPI", sheet, header[c])
					}
					v, found := w.want[[4]string{period, k.ID, "municipality", code}]
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if !found {
						// No row for a municipality the breakdown has: no
						// units, so a count is 0 and a share not applicable.
						got, _ := f.GetCellValue(sheet, ref)
						if want := map[bool]string{true: "0", false: "."}[k.Unit == transform.UnitCount]; got != want {
							t.Errorf("%s!%s = %q, want %s (no units)", sheet, ref, got, want)
						}
						continue
					}
					if msg := checkCell(f, sheet, ref, v, found); msg != "" {
						t.Error(msg)
					}
					checked++
				}
			}
			if rows[r][0] != "Hela regionen" {
				t.Fatalf("%s: row %d = %q, want the region total", sheet, r+1, rows[r])
			}
			for c := 1; c < codeCol; c++ {
				k, _ := w.kpiByName(header[c])
				v, found := w.want[[4]string{period, k.ID, "total", ""}]
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if msg := checkCell(f, sheet, ref, v, found); msg != "" {
					t.Error(msg)
				}
			}
			// The trend table: "Kvartal" then one column per headline KPI.
			tr := slices.IndexFunc(rows, func(row []string) bool { return len(row) > 0 && row[0] == "Kvartal" })
			if tr < 0 {
				t.Fatalf("%s: no trend table", sheet)
			}
			for qi, q := range w.p.Trend(8) {
				if strings.TrimSuffix(rows[tr+1+qi][0], " prel.") != q.Label {
					t.Fatalf("%s: trend row %d = %q, want %s", sheet, tr+2+qi, rows[tr+1+qi][0], q.Label)
				}
				// The table ends at its first blank header; the chart data
				// to the right may share its rows.
				for c := 1; c < len(rows[tr]) && rows[tr][c] != ""; c++ {
					k, ok := w.kpiByName(rows[tr][c])
					if !ok {
						t.Fatalf("%s: trend column %q is no KPI", sheet, rows[tr][c])
					}
					v, found := w.want[[4]string{q.Label, k.ID, "total", ""}]
					ref, _ := excelize.CoordinatesToCellName(c+1, tr+2+qi)
					if msg := checkCell(f, sheet, ref, v, found); msg != "" {
						t.Error(msg)
					}
				}
			}
			// The sample has 26 municipalities: a family sheet whose
			// comparison table yields fewer checked cells than this has
			// lost its rows, and the test would otherwise pass on none.
			if checked < 20 {
				t.Errorf("%s: %d municipality cells checked, want at least 20", sheet, checked)
			}
			t.Logf("%s: %d municipality cells checked", sheet, checked)
		}
	})

	t.Run("the values sheet lists every published value of the period", func(t *testing.T) {
		rows, err := f.GetRows("Värden")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for i, row := range rows[1:] {
			v, found := w.want[[4]string{row[0], row[1], row[3], row[4]}]
			if !found {
				t.Fatalf("row %d %q is no catalogue value", i+2, row)
			}
			if msg := checkCell(f, "Värden", fmt.Sprintf("G%d", i+2), v, found); msg != "" {
				t.Error(msg)
			}
			n++
		}
		want := 0
		for k := range w.want {
			if _, ok := w.byID[k[1]]; ok && k[0] == period {
				want++
			}
		}
		if n != want {
			t.Fatalf("%d values listed, want %d", n, want)
		}
	})

	t.Run("every number outside data quality is a published value or a target", func(t *testing.T) {
		// Matrices, breakdowns, the mapping answers and the chart data hold
		// no number that transform.Values + Suppress did not publish.
		// Excel keeps 15 significant digits; compare at 12.
		key := func(x float64) string { return strconv.FormatFloat(x, 'g', 12, 64) }
		allowed := map[string]bool{}
		for _, v := range w.want {
			if v.Value != nil {
				allowed[key(*v.Value)] = true
			}
		}
		for _, k := range w.cat {
			if k.Target != nil {
				allowed[key(*k.Target)] = true
			}
			if k.ReferenceLine != nil {
				allowed[key(*k.ReferenceLine)] = true
			}
		}
		// The funnel plots' and control charts' data are transform's
		// comparison tables.
		db := reporttest.Open(t)
		for _, q := range []string{
			`select unnest([value, numerator, denominator, centre, lower_95, upper_95, lower_998, upper_998]) from kpi_funnel`,
			`select unnest([value, numerator, denominator, centre, lcl, ucl]) from kpi_spc`,
		} {
			rows, err := db.QueryContext(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var x *float64
				if err := rows.Scan(&x); err != nil {
					t.Fatal(err)
				}
				if x != nil {
					allowed[key(*x)] = true
				}
			}
			rows.Close()
		}
		checked := 0
		for _, sheet := range f.GetSheetList() {
			if sheet == "Datakvalitet" {
				continue
			}
			rows, _ := f.GetRows(sheet)
			for r, row := range rows {
				for c, cell := range row {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
						continue
					}
					x, err := strconv.ParseFloat(cell, 64)
					if err != nil {
						continue
					}
					checked++
					if !allowed[key(x)] {
						t.Errorf("%s!%s = %v is no published value", sheet, ref, x)
					}
				}
			}
		}
		// The sample's workbook holds about 7 900 numeric cells; far fewer
		// means the walk read nothing, and then it would prove nothing.
		if checked < 5000 {
			t.Errorf("%d numeric cells checked, want at least 5000", checked)
		}
		t.Logf("%d numeric cells checked", checked)
	})

	t.Run("suppressed cells exist and show only the mark", func(t *testing.T) {
		marks := 0
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			for _, row := range rows {
				for _, c := range row {
					if c == ".." {
						marks++
					}
					if c == "NaN" || c == "Inf" || c == "+Inf" || c == "-Inf" {
						t.Errorf("%s: cell %q", sheet, c)
					}
				}
			}
		}
		if marks == 0 {
			t.Fatal("no suppressed cell anywhere: the sample should have small groups")
		}
	})

	t.Run("definitions list every KPI with its definition, unit and target, and the legend", func(t *testing.T) {
		rows, _ := f.GetRows("Definitioner")
		ids := map[string][]string{}
		for _, row := range rows {
			if len(row) > 0 {
				ids[row[0]] = row
			}
		}
		for _, k := range w.cat {
			row, ok := ids[k.ID]
			if !ok || len(row) < 5 || row[1] != k.NameSV || row[3] != k.DefinitionSV || row[4] == "" {
				t.Errorf("%s: row = %q", k.ID, row)
			}
		}
		if _, ok := ids[".."]; !ok {
			t.Error("legend for .. missing")
		}
		if _, ok := ids["-"]; !ok {
			t.Error("legend for - missing")
		}
	})

	t.Run("data quality shows rows per file and flags per rule as loaded", func(t *testing.T) {
		rows, _ := f.GetRows("Datakvalitet")
		text := map[string][]string{}
		for _, row := range rows {
			// The file table comes first; the rejects below repeat its keys.
			if k := strings.Join(row[:min(3, len(row))], "|"); len(row) > 2 && text[k] == nil {
				text[k] = row
			}
		}
		db := reporttest.Open(t)
		q, err := db.QueryContext(context.Background(), `select source, table_name, file_name, rows_read, rows_loaded, rows_rejected from load_files`)
		if err != nil {
			t.Fatal(err)
		}
		defer q.Close()
		files := 0
		for q.Next() {
			var src, tbl, file string
			var read, loaded, rejected int64
			if err := q.Scan(&src, &tbl, &file, &read, &loaded, &rejected); err != nil {
				t.Fatal(err)
			}
			row := text[src+"|"+tbl+"|"+file]
			if len(row) < 7 || row[4] != strconv.FormatInt(read, 10) || row[5] != strconv.FormatInt(loaded, 10) || row[6] != strconv.FormatInt(rejected, 10) {
				t.Errorf("%s: row = %q, want %d/%d/%d", file, row, read, loaded, rejected)
			}
			files++
		}
		if files == 0 {
			t.Fatal("no load_files rows")
		}
		var rules, flagged int64
		if err := db.QueryRowContext(context.Background(), `select (select count(*) from dq_rules), (select count(*) from dq_flags)`).Scan(&rules, &flagged); err != nil {
			t.Fatal(err)
		}
		var sum int64
		ruleRows := 0
		for _, row := range rows {
			if len(row) == 4 && strings.Contains(row[0], "_") {
				if n, err := strconv.ParseInt(row[3], 10, 64); err == nil {
					sum += n
					ruleRows++
				}
			}
		}
		if int64(ruleRows) != rules || sum != flagged {
			t.Errorf("flags sheet: %d rules, %d flagged rows; database: %d rules, %d flagged", ruleRows, sum, rules, flagged)
		}
	})

	t.Run("the mapping sheet asks the assignment's nine questions in its words", func(t *testing.T) {
		rows, _ := f.GetRows("Kartläggning")
		var questions []string
		for _, row := range rows {
			if len(row) > 0 && regexp.MustCompile(`^[1-9]\. `).MatchString(row[0]) {
				questions = append(questions, row[0])
			}
		}
		if len(questions) != 9 || questions[3] != "4. I vilka situationer ska det finnas en SIP?" {
			t.Fatalf("questions = %q", questions)
		}
	})

	t.Run("tables, frozen headers, number formats, print setup and properties are set", func(t *testing.T) {
		for _, sheet := range append([]string{"Alla nyckeltal"}, familySheets...) {
			tables, err := f.GetTables(sheet)
			if err != nil || len(tables) == 0 {
				t.Errorf("%s: no Excel table (%v)", sheet, err)
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze {
				t.Errorf("%s: header not frozen", sheet)
			}
			layout, err := f.GetPageLayout(sheet)
			if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" {
				t.Errorf("%s: page layout = %+v", sheet, layout)
			}
		}
		// The steering summary prints at 90 % or more, not shrunk to fit.
		if layout, err := f.GetPageLayout("Sammanfattning"); err != nil || layout.AdjustTo == nil || *layout.AdjustTo < 90 || layout.FitToWidth != nil && *layout.FitToWidth > 0 {
			t.Errorf("Sammanfattning: page layout = %+v", layout)
		}
		for _, sheet := range familySheets {
			tables, _ := f.GetTables(sheet)
			if len(tables) > 0 && !strings.HasPrefix(tables[0].Name, "nyckeltal_") {
				t.Errorf("%s: first table %q, want the KPI overview", sheet, tables[0].Name)
			}
		}
		// A share shows as per cent with one decimal, days with one decimal
		// (the one rounding rule of both outputs).
		rows, _ := f.GetRows("Alla nyckeltal")
		for i := 9; i < len(rows) && len(rows[i]) > 3; i++ {
			k, ok := w.kpiByName(rows[i][1])
			if !ok || rows[i][3] == ".." || rows[i][3] == "-" {
				continue
			}
			id, _ := f.GetCellStyle("Alla nyckeltal", fmt.Sprintf("D%d", i+1))
			st, _ := f.GetStyle(id)
			want := map[transform.Unit]string{transform.UnitShare: "0.0%", transform.UnitDays: "0.0"}[k.Unit]
			if want != "" && (st.CustomNumFmt == nil || *st.CustomNumFmt != want) {
				t.Errorf("%s (%s): number format %v, want %s", k.ID, k.Unit, st.CustomNumFmt, want)
			}
		}
		props, err := f.GetDocProps()
		if err != nil || !strings.Contains(props.Title, "2026Q3") || !strings.Contains(props.Subject, "2026Q3") || !strings.HasPrefix(props.Created, "2026-10-06T08:30:00") {
			t.Errorf("document properties = %+v (%v)", props, err)
		}
	})

	t.Run("every family sheet has native charts: trend lines, municipality bars, attendance and goals", func(t *testing.T) {
		charts := readCharts(t, w.path)
		for _, sheet := range familySheets {
			cs := charts[sheet]
			var line bool
			for _, c := range cs {
				if c.kind == "line" && strings.Contains(c.title, "2024Q4–2026Q3") {
					line = true
				}
				if c.kind == "bar" && !c.noVary {
					t.Errorf("%s: bar chart %q varies colours by point", sheet, c.title)
				}
				if c.title == "" || len(c.axisTitles) < 2 {
					t.Errorf("%s: chart %q lacks a title or axis titles (%q)", sheet, c.title, c.axisTitles)
				}
			}
			if !line {
				t.Errorf("%s: no 8-quarter trend line chart among %v", sheet, cs)
			}
		}
		has := func(sheet, kind, titlePart string) {
			for _, c := range charts[sheet] {
				if c.kind == kind && strings.Contains(c.title, titlePart) {
					return
				}
			}
			t.Errorf("%s: no %s chart %q among %v", sheet, kind, titlePart, charts[sheet])
		}
		has("Genomförande", "bar", "per kommun")
		has("Ledtider", "bar", "per kommun")
		has("Närvaro", "bar", "per verksamhet")
		has("Närvaro", "bar", "per kommun")
		for _, c := range charts["Mål"] {
			if c.kind == "bar" && strings.Contains(c.title, "Måluppfyllelse") && !c.stacked {
				t.Errorf("Mål: goal chart %q is not stacked", c.title)
			}
		}
		if w.want[[4]string{period, "goal_achieved_share", "total", ""}].Value != nil {
			has("Mål", "bar", "Måluppfyllelse per kvartal")
		}
	})

	t.Run("no pseudonym appears anywhere", func(t *testing.T) {
		ids := pseudonyms(t)
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			for r, row := range rows {
				for c, cell := range row {
					for _, tok := range tokens(cell) {
						if ids[tok] {
							t.Fatalf("%s row %d col %d: %q holds the pseudonym %q", sheet, r+1, c+1, cell, tok)
						}
					}
				}
			}
		}
	})
}

func TestMunicipalityWorkbook(t *testing.T) {
	w := writeWorkbook(t, "0180")
	rows, _ := w.f.GetRows("Sammanfattning")
	if !strings.Contains(rows[0][0], "Stockholm") {
		t.Fatalf("title = %q", rows[0][0])
	}
	head := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 1 && r[0] == "Nyckeltal" })
	if head < 0 || rows[head][7] != "Regionen" {
		t.Fatalf("no KPI table with the region's column: %q", rows[max(head, 0)])
	}
	n := 0
	for i := head + 1; i < len(rows) && len(rows[i]) > 1 && rows[i][0] != ""; i++ {
		name, _, _ := strings.Cut(rows[i][0], "\n")
		k, ok := w.kpiByName(name)
		if !ok {
			t.Fatalf("row %d: %q", i+1, rows[i][0])
		}
		v, found := w.want[[4]string{"2026Q3", k.ID, "municipality", "0180"}]
		if msg := checkCell(w.f, "Sammanfattning", fmt.Sprintf("B%d", i+1), v, found); msg != "" {
			t.Error(k.ID + ": " + msg)
		}
		// The region's value beside it.
		v, found = w.want[[4]string{"2026Q3", k.ID, "total", ""}]
		if msg := checkCell(w.f, "Sammanfattning", fmt.Sprintf("H%d", i+1), v, found); msg != "" {
			t.Error(k.ID + " (region): " + msg)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no KPI rows")
	}
}

var tokenRe = regexp.MustCompile(`[A-Za-z0-9_]+`)

func tokens(s string) []string { return tokenRe.FindAllString(s, -1) }

// pseudonyms are every *_id value of the loaded raw tables except the
// questionnaire's own codes (survey and question ids are no persons).
func pseudonyms(t *testing.T) map[string]bool {
	t.Helper()
	db := reporttest.Open(t)
	ctx := context.Background()
	rows, err := db.QueryContext(ctx, `select table_name, column_name from information_schema.columns
		where table_schema = 'raw' and column_name like '%\_id' escape '\' and column_name not in ('survey_id', 'question_id')`)
	if err != nil {
		t.Fatal(err)
	}
	var cols [][2]string
	for rows.Next() {
		var tbl, col string
		if err := rows.Scan(&tbl, &col); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, [2]string{tbl, col})
	}
	rows.Close()
	if len(cols) == 0 {
		t.Fatal("no *_id columns in raw")
	}
	ids := map[string]bool{}
	for _, c := range cols {
		q := fmt.Sprintf("select distinct cast(%s as varchar) from raw.%s where %s is not null",
			warehouse.QuoteIdent(c[1]), warehouse.QuoteIdent(c[0]), warehouse.QuoteIdent(c[1]))
		r, err := db.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			var s string
			if err := r.Scan(&s); err != nil {
				t.Fatal(err)
			}
			ids[s] = true
		}
		r.Close()
	}
	return ids
}

type chartInfo struct {
	kind       string // line, bar
	title      string
	axisTitles []string
	noVary     bool
	stacked    bool
}

func (c chartInfo) String() string { return c.kind + ":" + c.title }

var (
	sheetRe   = regexp.MustCompile(`<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"`)
	drawingRe = regexp.MustCompile(`<drawing r:id="([^"]+)"`)
	chartRe   = regexp.MustCompile(`<c:chart [^>]*r:id="([^"]+)"`)
	titleRe   = regexp.MustCompile(`(?s)<(?:c:)?title>(.*?)</(?:c:)?title>`)
	textRe    = regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
)

// readCharts maps each sheet to its charts, read from the workbook's XML:
// sheet → drawing → chart parts.
func readCharts(t *testing.T, path string) map[string][]chartInfo {
	t.Helper()
	parts := openParts(t, path)
	out := map[string][]chartInfo{}
	for _, sh := range parts.sheets() {
		name := sh.name
		for _, drawingPath := range parts.drawings(sh.path, parts.read(sh.path)) {
			dRels := parts.rels(drawingPath)
			for _, c := range chartRe.FindAllStringSubmatch(parts.read(drawingPath), -1) {
				x := parts.read(dRels[c[1]])
				info := chartInfo{}
				switch {
				case regexp.MustCompile(`<(?:c:)?barChart>`).MatchString(x):
					info.kind = "bar"
				case regexp.MustCompile(`<(?:c:)?lineChart>`).MatchString(x):
					info.kind = "line"
				default:
					info.kind = "other"
				}
				info.noVary = !regexp.MustCompile(`<(?:c:)?varyColors val="(1|true)"`).MatchString(x)
				info.stacked = regexp.MustCompile(`<(?:c:)?grouping val="(stacked|percentStacked)"`).MatchString(x)
				titles := titleRe.FindAllStringSubmatch(x, -1)
				for i, tm := range titles {
					var parts []string
					for _, tx := range textRe.FindAllStringSubmatch(tm[1], -1) {
						parts = append(parts, tx[1])
					}
					if i == 0 {
						info.title = strings.Join(parts, "")
					} else {
						info.axisTitles = append(info.axisTitles, strings.Join(parts, ""))
					}
				}
				out[name] = append(out[name], info)
			}
		}
	}
	return out
}

// TestEnglishWorkbookLabels: with --lang en every label is English — the
// groups (from the catalogue's kpi_labels), the breakdowns, the families
// and the mapping sheet's questions and findings; only place names stay.
func TestEnglishWorkbookLabels(t *testing.T) {
	ctx := context.Background()
	db := reporttest.Open(t)
	paths, err := reports.Write(ctx, db, reports.Options{Period: transform.Quarter(2026, 3), OutDir: t.TempDir(), Lang: "en",
		Settings: transform.DefaultSettings(), Created: created})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Mapping")
	var text []string
	for _, r := range rows {
		text = append(text, strings.Join(r, " | "))
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"1. What obstacles are there to using SIP, and how can they be removed?", "Organisation type", "worst"} {
		if !strings.Contains(all, want) {
			t.Errorf("the English mapping sheet lacks %q", want)
		}
	}
	// Swedish words of labels that must not appear (org types, breakdowns, marks' words).
	for _, sv := range []string{"Vårdcentral", "Socialtjänst", "Verksamhet", "Sammanhang", "sämst", "bäst", "Totalt", "Kommun"} {
		if strings.Contains(all, sv) {
			t.Errorf("the English mapping sheet holds the Swedish %q", sv)
		}
	}
	att, _ := f.GetRows("Attendance")
	for _, r := range att {
		for _, c := range r {
			if c == "Vårdcentral/öppen vård" || c == "Socialtjänst" {
				t.Errorf("Attendance holds the Swedish group label %q", c)
			}
		}
	}
}

package transform

// CompareSQL returns the embedded sql/compare/<name>.sql, so the tests of
// transform_test can run the chart rules on constructed points.
func CompareSQL(name string) string { return mustSQL("compare/" + name + ".sql") }

// SpecKPIIDs are kpis.md's KPI ids (testdata/spec/kpi_ids.txt) and
// AddedKPIIDs the catalogue's KPIs beyond them, for transform_test.
var SpecKPIIDs, AddedKPIIDs = specIDs, addedIDs

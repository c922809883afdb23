package transform

// CompareSQL returns the embedded sql/compare/<name>.sql, so the tests of
// transform_test can run the chart rules on constructed points.
func CompareSQL(name string) string { return mustSQL("compare/" + name + ".sql") }

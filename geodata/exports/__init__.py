"""Files for spreadsheets and statistics: CSV/XLSX, Stata, GeoPackage, column documentation and
value labels."""

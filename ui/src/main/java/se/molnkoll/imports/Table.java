package se.molnkoll.imports;

import java.util.List;

/**
 * One sheet (or CSV file) as read: its header row and its rows, each cell as text (a date as
 * ISO yyyy-mm-dd, a whole number without decimals), with the row's number as the spreadsheet shows it.
 */
record Table(String sheetName, List<String> headers, List<Row> rows) {

    record Row(int number, List<String> cells) {

        String cell(int column) {
            return column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }
}

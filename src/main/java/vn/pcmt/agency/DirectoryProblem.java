package vn.pcmt.agency;

/**
 * Why a directory file cannot be imported, in the words of the official who keeps it: where (the line of the YAML,
 * the sheet and row of the spreadsheet), the agency or kind code when there is one, and what to fix.
 */
public record DirectoryProblem(String where, String code, String message) {
}

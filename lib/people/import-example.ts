/**
 * The CSV the import form shows as its example: a header line, then one person. Shown as a data row alone, it was
 * pasted as is and read as a header (every value "not recognised"); the unit test imports this very text.
 */
export const IMPORT_HEADER = "email,name,title,team,manager email,role start date";
export const IMPORT_EXAMPLE_ROW = "zoe@acme.example,Zoe Zhang,Engineer,Platform,maya@acme.example,2025-01-15";

/** Said when an import would now do something other than its preview showed (csv-import.ts; the form shows it too). */
export const CHANGED_SINCE_PREVIEW =
  "Nothing was imported: what it would do changed since your preview (the file, or someone in it). Check the preview below, then import again.";

"""The import wizard for participants, formations and scores: file, columns, check, import.

Committees receive spreadsheets from BKN, from schools and from other offices, each with its
own column names. The wizard shows what it understood before anything happens: the columns
as it mapped them (the user can re-map), the first rows, and then the complete check as a
dry run, listing every bad row at once so the file is fixed in one go. Only a file that
passed the check can be imported, and the import itself is all-or-nothing in the service.

``wizard`` holds the wizard itself and ``open_import_wizard``; one module per page
(``file_page``, ``mapping_page``, ``check_page``), ``problem_model`` lists a rejected file's
bad rows, and ``kinds`` names the three kinds of file and what imports each.
"""

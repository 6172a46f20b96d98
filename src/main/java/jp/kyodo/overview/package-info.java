/**
 * The collaboration office's overview {@code /overview/}: projects per phase and year, overdue phases and tasks,
 * partners with fixation, grades — for the office and managers, opened with the webapps' login.
 */
package jp.kyodo.overview;

package jp.kyodo.registry;

/**
 * One fiscal year in which an organisation held a department's collaboration project. The project is its number
 * ({@code projectNumber}, null for a phase a department started on its own, outside a project); the title is only
 * shown, since two projects may share one.
 */
public record Partnership(String organisationId, String departmentGroup, String projectNumber, String projectTitle,
    int fiscalYear, String processInstanceId) {}

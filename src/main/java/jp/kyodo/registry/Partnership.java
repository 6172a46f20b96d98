package jp.kyodo.registry;

/** One fiscal year in which an organisation held a department's collaboration project. */
public record Partnership(String organisationId, String departmentGroup, String projectTitle, int fiscalYear,
    String processInstanceId) {}

/**
 * ② パートナーの選定 (selection): a public call with published criteria, applications, eligibility screening,
 * conflict declarations and weighted scoring by a committee, or a sole source with a reason and a manager's approval
 * (旭川 Q43–Q45); partner fixation is flagged (千葉 ②). Includes the applicant's own process, 公募への応募.
 */
package jp.kyodo.selection;

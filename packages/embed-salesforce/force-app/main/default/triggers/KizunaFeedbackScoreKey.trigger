/**
 * Keeps Score_Key__c equal to Score__c on every write of feedback, whoever writes it (an import, an
 * integration, a person): aggregates group feedback by score on that text twin, because Salesforce
 * cannot group by a Number field (docs/decisions/0004).
 */
trigger KizunaFeedbackScoreKey on Kizuna_Feedback__c (before insert, before update) {
    KizunaScoreKeys.fill(Trigger.new);
}

-- flags on milestones not reached by their due date or recorded missed (CoherenceCheckCode.MILESTONE_LATE)
ALTER TABLE coherence_flag DROP CONSTRAINT coherence_flag_check_code_check;
ALTER TABLE coherence_flag ADD CONSTRAINT coherence_flag_check_code_check CHECK (check_code IN ('NEED_WITHOUT_ACTION',
    'GAP_WITHOUT_ACTION', 'OVERLAPPING_ACTIONS', 'MISSING_LOCAL_IMPLEMENTATION', 'ACTION_WITHOUT_FUNDING',
    'REPORTING_OVERDUE', 'MILESTONE_LATE'));

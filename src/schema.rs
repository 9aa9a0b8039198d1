// @generated automatically by Diesel CLI.

diesel::table! {
    adjustments (id) {
        id -> Uuid,
        project_id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        kind -> Text,
        amount -> Nullable<Numeric>,
        document_number -> Text,
        finding_id -> Nullable<Uuid>,
        report_id -> Nullable<Uuid>,
        destination_project_id -> Nullable<Uuid>,
        destination_text -> Nullable<Text>,
        destination_function_class -> Nullable<Text>,
        reverses_id -> Nullable<Uuid>,
        note -> Text,
        created_by -> Uuid,
        created_by_name -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Uuid,
        occurred_at -> Timestamptz,
        actor_id -> Nullable<Uuid>,
        actor_name -> Nullable<Text>,
        action -> Text,
        object_type -> Text,
        object_id -> Nullable<Text>,
        region_path -> Nullable<Text>,
        request_id -> Nullable<Text>,
        details -> Jsonb,
        before -> Nullable<Jsonb>,
        after -> Nullable<Jsonb>,
        classified -> Bool,
        project_id -> Nullable<Uuid>,
        related_project_id -> Nullable<Uuid>,
        department_id -> Nullable<Uuid>,
        txid -> Int8,
    }
}

diesel::table! {
    budget_ledger (id) {
        id -> Uuid,
        project_id -> Uuid,
        kind -> Text,
        amount -> Numeric,
        reason -> Text,
        reference -> Text,
        actor_id -> Nullable<Uuid>,
        actor_name -> Nullable<Text>,
        created_at -> Timestamptz,
        adjustment_id -> Nullable<Uuid>,
        counterpart_project_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    department_reports (id) {
        id -> Uuid,
        round_id -> Uuid,
        department_id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        status -> Text,
        late -> Bool,
        submitted_at -> Nullable<Timestamptz>,
        summary -> Text,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    departments (id) {
        id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        code -> Text,
        name -> Text,
        parent_id -> Nullable<Uuid>,
        path -> Text,
        classified -> Bool,
        active -> Bool,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    execution_records (id) {
        id -> Uuid,
        project_id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        payment_date -> Date,
        amount -> Numeric,
        external_ref -> Text,
        description -> Text,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    findings (id) {
        id -> Uuid,
        inspection_id -> Uuid,
        project_id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        category -> Text,
        description -> Text,
        severity -> Text,
        amount -> Nullable<Numeric>,
        created_by -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    idempotency_keys (principal, key) {
        principal -> Text,
        key -> Text,
        method -> Text,
        path -> Text,
        request_hash -> Text,
        status_code -> Nullable<Int2>,
        response_body -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        completed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    indicators (id) {
        id -> Uuid,
        project_id -> Uuid,
        level1 -> Text,
        level2 -> Text,
        name -> Text,
        comparator -> Text,
        target_value -> Nullable<Numeric>,
        target_text -> Nullable<Text>,
        unit -> Text,
        weight -> Numeric,
        accrues -> Bool,
        measurement -> Text,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        retired_in_version -> Nullable<Int4>,
    }
}

diesel::table! {
    indicator_values (id) {
        id -> Uuid,
        indicator_id -> Uuid,
        project_id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        measured_on -> Date,
        value -> Nullable<Numeric>,
        achievement -> Nullable<Text>,
        source_system -> Text,
        external_ref -> Text,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    inspection_opinions (id) {
        id -> Uuid,
        inspection_id -> Uuid,
        kind -> Text,
        text -> Text,
        created_by -> Uuid,
        created_at -> Timestamptz,
        policy_name -> Nullable<Text>,
        revised -> Bool,
        revised_at -> Nullable<Timestamptz>,
        revision_note -> Text,
        version -> Int4,
    }
}

diesel::table! {
    inspections (id) {
        id -> Uuid,
        project_id -> Uuid,
        round_id -> Nullable<Uuid>,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        status -> Text,
        inspector_id -> Uuid,
        inspector_name -> Text,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        conclusion -> Text,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    indicator_set_versions (project_id, version) {
        project_id -> Uuid,
        version -> Int4,
        indicators -> Jsonb,
        adjustment_id -> Nullable<Uuid>,
        valid_from -> Timestamptz,
    }
}

diesel::table! {
    result_applications (id) {
        id -> Uuid,
        project_id -> Uuid,
        round_id -> Uuid,
        report_id -> Nullable<Uuid>,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        fiscal_year -> Int2,
        project_code -> Text,
        measures -> Array<Text>,
        text -> Text,
        next_year_budget_change -> Nullable<Numeric>,
        adjustment_id -> Nullable<Uuid>,
        suggested_measures -> Array<Text>,
        suggested_change_percent -> Nullable<Numeric>,
        suggested_change -> Nullable<Numeric>,
        suggestion_rule -> Text,
        grade -> Nullable<Text>,
        overall_light -> Nullable<Text>,
        created_by -> Uuid,
        created_by_name -> Text,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    target_adjustments (id) {
        id -> Uuid,
        project_id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        status -> Text,
        reason -> Text,
        finding_id -> Nullable<Uuid>,
        report_id -> Nullable<Uuid>,
        changes -> Jsonb,
        from_version -> Int4,
        to_version -> Nullable<Int4>,
        requested_by -> Uuid,
        requested_by_name -> Text,
        decided_by -> Nullable<Uuid>,
        decided_by_name -> Nullable<Text>,
        decision_comment -> Text,
        decided_at -> Nullable<Timestamptz>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    login_throttle (username_key) {
        username_key -> Text,
        failures -> Int4,
        window_start -> Timestamptz,
        locked_until -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    project_light_changes (id) {
        id -> Uuid,
        project_id -> Uuid,
        report_id -> Uuid,
        round_id -> Uuid,
        from_light -> Text,
        to_light -> Text,
        reason -> Text,
        rules_version -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    projects (id) {
        id -> Uuid,
        department_id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        fiscal_year -> Int2,
        code -> Text,
        name -> Text,
        function_class -> Text,
        category -> Text,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        annual_goal -> Text,
        fund_central -> Numeric,
        fund_provincial -> Numeric,
        fund_municipal -> Numeric,
        fund_county -> Numeric,
        fund_self_raised -> Numeric,
        fund_other -> Numeric,
        initial_budget -> Numeric,
        adjusted_budget -> Numeric,
        status -> Text,
        key_monitoring -> Bool,
        classified -> Bool,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        indicator_set_version -> Int4,
        follows_application_id -> Nullable<Uuid>,
        follows_measure -> Nullable<Text>,
        follows_amount -> Nullable<Numeric>,
    }
}

diesel::table! {
    rectification_events (id) {
        id -> Uuid,
        rectification_id -> Uuid,
        from_status -> Text,
        to_status -> Text,
        actor_id -> Uuid,
        actor_name -> Text,
        comment -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    rectifications (id) {
        id -> Uuid,
        finding_id -> Uuid,
        project_id -> Uuid,
        department_id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        requirement -> Text,
        deadline -> Date,
        warning_days -> Int4,
        status -> Text,
        response -> Text,
        answered_at -> Nullable<Timestamptz>,
        accepted_at -> Nullable<Timestamptz>,
        version -> Int4,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        user_id -> Uuid,
        family_id -> Uuid,
        token_hash -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        rotated_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    regions (id) {
        id -> Uuid,
        code -> Text,
        name -> Text,
        level -> Text,
        parent_id -> Nullable<Uuid>,
        path -> Text,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    report_evaluations (report_id) {
        report_id -> Uuid,
        round_id -> Uuid,
        light_overall -> Text,
        light_budget -> Text,
        light_output -> Text,
        light_effect -> Text,
        light_satisfaction -> Text,
        light_goal -> Text,
        light_filing -> Text,
        rules_version -> Text,
        score_total -> Nullable<Numeric>,
        grade -> Nullable<Text>,
        scores -> Jsonb,
        digest -> Text,
        computed_at -> Timestamptz,
    }
}

diesel::table! {
    report_indicators (id) {
        id -> Uuid,
        report_id -> Uuid,
        indicator_id -> Nullable<Uuid>,
        level1 -> Text,
        level2 -> Text,
        name -> Text,
        comparator -> Text,
        target_value -> Nullable<Numeric>,
        target_text -> Nullable<Text>,
        unit -> Text,
        weight -> Numeric,
        accrues -> Bool,
        expected_value -> Nullable<Numeric>,
        actual_value -> Nullable<Numeric>,
        actual_text -> Nullable<Text>,
        forecast_value -> Nullable<Numeric>,
        forecast_text -> Nullable<Text>,
        deviation_reasons -> Array<Text>,
        deviation_note -> Text,
        likelihood -> Nullable<Text>,
        corrective_measures -> Text,
        actual_source -> Nullable<Text>,
        actual_measured_on -> Nullable<Date>,
    }
}

diesel::table! {
    report_transitions (id) {
        id -> Uuid,
        report_id -> Uuid,
        report_kind -> Text,
        from_status -> Text,
        to_status -> Text,
        actor_id -> Nullable<Uuid>,
        actor_name -> Nullable<Text>,
        comment -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    reports (id) {
        id -> Uuid,
        round_id -> Uuid,
        project_id -> Uuid,
        department_id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        department_path -> Text,
        status -> Text,
        late -> Bool,
        submitted_at -> Nullable<Timestamptz>,
        adjusted_budget -> Numeric,
        executed_amount -> Numeric,
        execution_rate -> Nullable<Numeric>,
        time_progress -> Numeric,
        forecast_execution -> Nullable<Numeric>,
        goal_progress -> Text,
        construction -> Text,
        management -> Text,
        financial_management -> Text,
        problems -> Text,
        corrective_measures -> Text,
        targets_need_adjusting -> Nullable<Bool>,
        system_filled -> Array<Text>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        department_fields -> Array<Text>,
        generated_fields -> Int4,
        applicable_fields -> Int4,
        checks -> Jsonb,
        indicator_set_version -> Int4,
    }
}

diesel::table! {
    rounds (id) {
        id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        fiscal_year -> Int2,
        name -> Text,
        cutoff_date -> Date,
        open_date -> Date,
        due_date -> Date,
        warning_days -> Int4,
        status -> Text,
        opened_at -> Nullable<Timestamptz>,
        closed_at -> Nullable<Timestamptz>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        username -> Text,
        display_name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        password_hash -> Text,
        role -> Text,
        region_id -> Nullable<Uuid>,
        department_id -> Nullable<Uuid>,
        scope_path -> Nullable<Text>,
        active -> Bool,
        token_version -> Int4,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    warning_rule_sets (id) {
        id -> Uuid,
        region_id -> Uuid,
        region_path -> Text,
        version -> Int4,
        overrides -> Jsonb,
        created_by -> Nullable<Uuid>,
        created_by_name -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(adjustments -> findings (finding_id));
diesel::joinable!(adjustments -> reports (report_id));
diesel::joinable!(budget_ledger -> adjustments (adjustment_id));
diesel::joinable!(budget_ledger -> projects (project_id));
diesel::joinable!(department_reports -> departments (department_id));
diesel::joinable!(department_reports -> rounds (round_id));
diesel::joinable!(departments -> regions (region_id));
diesel::joinable!(execution_records -> projects (project_id));
diesel::joinable!(findings -> inspections (inspection_id));
diesel::joinable!(findings -> projects (project_id));
diesel::joinable!(indicator_values -> indicators (indicator_id));
diesel::joinable!(indicator_values -> projects (project_id));
diesel::joinable!(indicator_set_versions -> projects (project_id));
diesel::joinable!(indicators -> projects (project_id));
diesel::joinable!(inspection_opinions -> inspections (inspection_id));
diesel::joinable!(inspections -> projects (project_id));
diesel::joinable!(inspections -> rounds (round_id));
diesel::joinable!(project_light_changes -> projects (project_id));
diesel::joinable!(project_light_changes -> reports (report_id));
diesel::joinable!(projects -> departments (department_id));
diesel::joinable!(projects -> regions (region_id));
diesel::joinable!(rectification_events -> rectifications (rectification_id));
diesel::joinable!(rectifications -> departments (department_id));
diesel::joinable!(rectifications -> findings (finding_id));
diesel::joinable!(rectifications -> projects (project_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(report_evaluations -> reports (report_id));
diesel::joinable!(report_indicators -> indicators (indicator_id));
diesel::joinable!(report_indicators -> reports (report_id));
diesel::joinable!(result_applications -> projects (project_id));
diesel::joinable!(result_applications -> rounds (round_id));
diesel::joinable!(reports -> departments (department_id));
diesel::joinable!(reports -> projects (project_id));
diesel::joinable!(reports -> rounds (round_id));
diesel::joinable!(rounds -> regions (region_id));
diesel::joinable!(target_adjustments -> projects (project_id));
diesel::joinable!(users -> departments (department_id));
diesel::joinable!(users -> regions (region_id));
diesel::joinable!(warning_rule_sets -> regions (region_id));

diesel::allow_tables_to_appear_in_same_query!(
    adjustments,
    audit_events,
    budget_ledger,
    department_reports,
    departments,
    execution_records,
    findings,
    idempotency_keys,
    indicator_set_versions,
    indicator_values,
    indicators,
    inspection_opinions,
    inspections,
    login_throttle,
    project_light_changes,
    projects,
    rectification_events,
    rectifications,
    refresh_tokens,
    regions,
    report_evaluations,
    report_indicators,
    report_transitions,
    reports,
    result_applications,
    rounds,
    target_adjustments,
    users,
    warning_rule_sets,
);

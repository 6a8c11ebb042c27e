import Domain

/// Words for what the app frame shows: menu groups, and plans named in questions.
extension Strings {
    func name(_ group: Route.MenuGroup) -> String {
        switch group {
        case .centres: return self[.menuGroupCentres]
        case .board: return self[.menuGroupBoard]
        case .surveys: return self[.menuGroupSurveys]
        case .plans: return self[.menuGroupPlans]
        case .evaluation: return self[.menuGroupEvaluation]
        case .exchange: return self[.exchangeMenuGroup]
        case .system: return self[.menuGroupSystem]
        }
    }

    /// "Kế hoạch hoạt động năm 2026 – TTHTCĐ phường Hoa Lư (lần 2)": a plan as a question names it.
    func planName(_ plan: Plan, centre: Centre) -> String {
        self(.planNameFormat, plan.title, abbreviated(centreName: centre.name))
            + (plan.version > 1 ? self(.planVersionSuffix, plan.version) : "")
    }

    /// The plan named for a legal act (the approval): title, centre, the year when the title does not say it, and
    /// "(lần 2)" for an amendment.
    func planNameWithYear(_ plan: Plan, centre: Centre) -> String {
        let title = plan.title.contains(String(plan.year)) ? plan.title : self(.planNameYear, plan.title, plan.year)
        var named = plan
        named.title = title
        return planName(named, centre: centre)
    }
}

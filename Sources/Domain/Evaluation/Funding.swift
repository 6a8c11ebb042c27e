import Foundation

/// Where money of a centre comes from (domain brief, Funding).
public enum ReceiptSource: String, Codable, CaseIterable, Sendable {
    case communeBudget, programme, contributions
}

/// Money a centre received: from the commune budget, a programme or project, or a contribution (xã hội hóa),
/// whose donor is named.
public struct FundingReceipt: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    public var uid: String
    public var centreID: Int64
    public var date: LocalDate
    public var source: ReceiptSource
    /// In đồng.
    public var amount: Int
    /// The programme's or donor's name; required for a contribution.
    public var donor: String
    public var note: String

    public init(id: Int64? = nil, uid: String = UUID().uuidString.lowercased(), centreID: Int64, date: LocalDate,
                source: ReceiptSource, amount: Int, donor: String = "", note: String = "") {
        self.id = id
        self.uid = uid
        self.centreID = centreID
        self.date = date
        self.source = source
        self.amount = amount
        self.donor = donor
        self.note = note
    }

    public enum Problem: Hashable, Sendable { case amountNotPositive, donorRequired, dateInFuture }

    public func problems(today: LocalDate) -> [Problem] {
        var found: [Problem] = []
        if amount <= 0 { found.append(.amountNotPositive) }
        if source == .contributions && donor.cleanedInput.isEmpty { found.append(.donorRequired) }
        if date > today { found.append(.dateInFuture) }
        return found
    }
}

/// A centre's money for one year: the estimate the commune Hội Khuyến học prepared, the amount the commune
/// allocated, what was received and what the activities' outcomes record as spent.
public struct FundingYear: Hashable, Codable, Sendable {
    public var centreID: Int64
    public var year: Int
    public var estimate: Int
    /// Who prepared the estimate (by default the commune Hội Khuyến học).
    public var preparedBy: String
    public var allocated: Int
    public var note: String
    public var receipts: [FundingReceipt]
    /// The costs recorded in the outcomes of the year's done activities.
    public var spent: Int

    public init(centreID: Int64, year: Int, estimate: Int = 0, preparedBy: String = "", allocated: Int = 0,
                note: String = "", receipts: [FundingReceipt] = [], spent: Int = 0) {
        self.centreID = centreID
        self.year = year
        self.estimate = estimate
        self.preparedBy = preparedBy
        self.allocated = allocated
        self.note = note
        self.receipts = receipts
        self.spent = spent
    }

    public var received: Int { receipts.reduce(0) { $0 + $1.amount } }

    public func received(from source: ReceiptSource) -> Int {
        receipts.filter { $0.source == source }.reduce(0) { $0 + $1.amount }
    }

    /// Below the Circular 96/2008 yearly minimum, where it applies (a centre in a mountainous commune); nil
    /// where it does not apply.
    public func isBelowMinimum(model: CentreModel, minimums: FundingMinimums) -> Bool? {
        guard model == .mountainous else { return nil }
        return received < minimums.mountainousYearlyMinimum
    }

    /// Below the Circular 96/2008 one-off minimum for a new centre's equipment, where it applies: in the year the
    /// centre was established (its establishment decision's year). Receipts do not say what they paid for, so the
    /// year's money received is held against it. Nil where it does not apply (no establishment date, another year).
    public func isBelowEquipmentMinimum(establishedOn: LocalDate?, minimums: FundingMinimums) -> Bool? {
        guard let establishedOn, establishedOn.year == year else { return nil }
        return received < minimums.newCentreEquipmentMinimum
    }
}

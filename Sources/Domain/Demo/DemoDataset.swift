import Foundation

/// The shipped demo dataset (Resources/demo/demo.json): one province, about a dozen communes, centres in
/// every state. Trainers show the workflows on a fresh copy of it; it never mixes with real data.
public struct DemoDataset: Codable, Sendable {
    public struct StatusStep: Codable, Sendable {
        public var to: CentreStatus
        public var decision: Decision
        public var reason: String
        public var mergedInto: String?
        public var recordedAt: Date
    }

    public struct DemoCentre: Codable, Sendable {
        public var centre: Centre
        public var enteredAt: Date
        /// Status changes after the centre was entered, oldest first.
        public var history: [StatusStep]
        /// Appointments, current and former (their centre id is given when loaded).
        public var board: [BoardMember]
    }

    public var office: OfficeSettings
    public var centres: [DemoCentre]

    public static func decode(_ data: Data) throws -> DemoDataset {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(DemoDataset.self, from: data)
    }
}

import Dispatch
import Foundation

/// Work split over the machine's cores, for pure conversions of many independent items (an import's rows).
enum Parallel {
    /// `transform` applied to every item, on every core, results in the items' order.
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 256))
        guard workers > 1 else { return items.map(transform) }
        var results = [U?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes its own range of the buffer: no two write the same element.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = (worker * items.count / workers)..<((worker + 1) * items.count / workers)
                for index in range { output[index] = transform(items[index]) }
            }
        }
        return results.map { $0! }
    }
}

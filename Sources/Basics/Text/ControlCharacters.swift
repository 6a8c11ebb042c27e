extension Unicode.Scalar {
    /// Characters that have no business in a name or an answer and can hide or cut text: the C0 and C1 controls
    /// (NUL among them) except tab, line feed and carriage return, and the bidirectional overrides that make
    /// text display in another order than it is stored.
    public var isForbiddenControl: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension String {
    /// The first forbidden control character, if any (see ``Unicode/Scalar/isForbiddenControl``).
    public var firstForbiddenControl: Unicode.Scalar? { unicodeScalars.first(where: \.isForbiddenControl) }

    /// The text without forbidden control characters.
    public var withoutForbiddenControls: String {
        guard firstForbiddenControl != nil else { return self }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.filter { !$0.isForbiddenControl })
        return String(scalars)
    }
}

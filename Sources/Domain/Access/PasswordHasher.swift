import Crypto
import CryptoExtras
import Foundation

/// Passwords are stored only as PBKDF2-HMAC-SHA256 with a random 16-byte salt and 210,000 rounds (the OWASP
/// figure), written as "pbkdf2-sha256$<rounds>$<salt base64>$<hash base64>" so the rounds can rise later.
public enum PasswordHasher {
    public static let rounds = 210_000
    static let scheme = "pbkdf2-sha256"

    public static func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
        return try hash(password, salt: salt, rounds: rounds)
    }

    static func hash(_ password: String, salt: [UInt8], rounds: Int) throws -> String {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.nfc.utf8), salt: salt, using: .sha256,
                                                   outputByteCount: 32, rounds: rounds)
        let derived = key.withUnsafeBytes { Data($0) }
        return [scheme, String(rounds), Data(salt).base64EncodedString(), derived.base64EncodedString()]
            .joined(separator: "$")
    }

    /// Whether `password` matches the stored `encoded` hash. Compares in constant time.
    public static func verify(_ password: String, against encoded: String) -> Bool {
        let parts = encoded.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == scheme, let rounds = Int(parts[1]), rounds >= self.rounds,
              let salt = Data(base64Encoded: parts[2]), let expected = Data(base64Encoded: parts[3]),
              let candidate = try? hash(password, salt: Array(salt), rounds: rounds),
              let actual = Data(base64Encoded: String(candidate.split(separator: "$")[3]))
        else { return false }
        guard actual.count == expected.count else { return false }
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A `SchemaVersioned` value encoded with its schema beside its own keys:
/// `{"schema": "pooltop.snapshot/1", "elapsedNanos": …}`. Decoding checks the schema first and
/// names both schemas when they differ.
public struct Versioned<Value: SchemaVersioned>: Codable {
    /// The value carried.
    public var value: Value

    /// Wraps `value` for encoding.
    public init(_ value: Value) {
        self.value = value
    }

    private enum SchemaKey: String, CodingKey {
        case schema
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SchemaKey.self)
        let schema = try container.decode(String.self, forKey: .schema)
        guard schema == Value.schema else {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container,
                debugDescription: "expected schema \(Value.schema), found \(schema)")
        }
        value = try Value(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: SchemaKey.self)
        try container.encode(Value.schema, forKey: .schema)
    }
}

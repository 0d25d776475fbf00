using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MieEvaluation.Web.Data.Bulk;

/// <summary>
/// Writes rows of one entity's table through prepared commands, in the caller's transaction, for imports too large
/// for change tracking (docs/decisions/0012-bulk-import-writes.md). Everything about the table comes from the EF
/// model: table and column names, and each value converted by its property's type mapping, so a row is stored exactly
/// as SaveChanges would store it (fixed-point values and text GUIDs on SQLite, decimals on SQL Server).
/// </summary>
internal sealed class ModelRowWriter : IDisposable
{
    private readonly DbContext _db;
    private readonly IProperty[] _columns;
    private readonly (IProperty Property, object? Value)[] _constants;
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] _converters;
    private readonly string _insertPrefix;
    private readonly int _rowsPerInsert;
    private readonly List<object?[]> _pending = [];
    private readonly Dictionary<int, DbCommand> _inserts = [];
    private DbCommand? _insertReturningId;
    private DbCommand? _update;
    private DbCommand? _checkedUpdate;
    private Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _checkConverter;
    private readonly IEntityType _entity;
    private readonly bool _isSqlServer;
    private readonly string _table;
    private readonly ISqlGenerationHelper _sql;

    /// <param name="db">The context whose connection and current transaction are used.</param>
    /// <param name="entity">The entity whose table is written.</param>
    /// <param name="columns">The properties written, in the order <see cref="AddAsync"/> receives their values.</param>
    /// <param name="constants">
    /// Properties with the same value in every inserted row (who imported, when, from which file): bound once per
    /// statement instead of once per row.
    /// </param>
    public ModelRowWriter(DbContext db, Type entity, string[] columns, IReadOnlyDictionary<string, object?>? constants = null)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity} is not in the model.", nameof(entity));
        _db = db;
        _entity = type;
        _columns = columns.Select(c => type.FindProperty(c) ?? throw new ArgumentException($"{entity.Name}.{c} is not mapped.", nameof(columns))).ToArray();
        _converters = _columns.Select(c => c.GetRelationalTypeMapping().Converter).ToArray();
        _constants = (constants ?? new Dictionary<string, object?>()).Select(c =>
        {
            var property = type.FindProperty(c.Key) ?? throw new ArgumentException($"{entity.Name}.{c.Key} is not mapped.", nameof(constants));
            return (property, ToProvider(property.GetRelationalTypeMapping().Converter, c.Value));
        }).ToArray();
        _sql = db.GetService<ISqlGenerationHelper>();
        _isSqlServer = db.Database.IsSqlServer();
        _table = _sql.DelimitIdentifier(type.GetTableName()!);
        _insertPrefix = $"INSERT INTO {_table} ({string.Join(", ", _columns.Concat(_constants.Select(c => c.Property)).Select(c => _sql.DelimitIdentifier(c.GetColumnName())))})";

        // About 32 parameters a statement: a few rows share the per-statement cost, and binding stays cheap —
        // Microsoft.Data.Sqlite binds by name and SQLite finds each name by a linear search, so a statement's binding
        // cost grows with the square of its parameters (at 1,400 it took 70 % of an import's time, at 100 still 44 %).
        _rowsPerInsert = Math.Max(1, 32 / _columns.Length);
    }

    /// <summary>Queues one row; rows go to the database in multi-row statements.</summary>
    public async Task AddAsync(object?[] values, CancellationToken cancellationToken)
    {
        _pending.Add(values);
        if (_pending.Count == _rowsPerInsert)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes the queued rows.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var command = InsertCommand(_pending.Count);
        for (var row = 0; row < _pending.Count; row++)
        {
            Bind(command, row * _columns.Length, _pending[row]);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        _pending.Clear();
    }

    /// <summary>Inserts one row at once and returns the key the database generated for it.</summary>
    public async Task<int> InsertReturningIdAsync(string keyColumn, object?[] values, CancellationToken cancellationToken)
    {
        _insertReturningId ??= Prepare(InsertReturningIdSql(keyColumn), 1);

        Bind(_insertReturningId, 0, values);
        return Convert.ToInt32(await _insertReturningId.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the writer's columns of the row whose <paramref name="keyColumn"/> is <paramref name="key"/>.</summary>
    public async Task UpdateAsync(string keyColumn, int key, object?[] values, CancellationToken cancellationToken)
    {
        if (_update is null)
        {
            _update = Prepare(UpdateSql(keyColumn), 1);
            var parameter = _update.CreateParameter();
            parameter.ParameterName = "@key";
            _update.Parameters.Add(parameter);
        }

        Bind(_update, 0, values);
        _update.Parameters["@key"].Value = key;
        await _update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// As the unchecked update, only while <paramref name="checkColumn"/> still holds <paramref name="expected"/> (an
    /// optimistic concurrency token); returns the rows changed: 0 when the row changed meanwhile.
    /// </summary>
    public async Task<int> UpdateAsync(string keyColumn, int key, string checkColumn, object expected, object?[] values, CancellationToken cancellationToken)
    {
        if (_checkedUpdate is null)
        {
            _checkedUpdate = Prepare(UpdateSql(keyColumn, checkColumn), 1);
            var keyParameter = _checkedUpdate.CreateParameter();
            keyParameter.ParameterName = "@key";
            _checkedUpdate.Parameters.Add(keyParameter);
            var check = _entity.FindProperty(checkColumn) ?? throw new ArgumentException($"{checkColumn} is not mapped.", nameof(checkColumn));
            _checkedUpdate.Parameters.Add(check.GetRelationalTypeMapping().CreateParameter(_checkedUpdate, "@check", null, nullable: false));
            _checkConverter = check.GetRelationalTypeMapping().Converter;
        }

        Bind(_checkedUpdate, 0, values);
        _checkedUpdate.Parameters["@key"].Value = key;
        _checkedUpdate.Parameters["@check"].Value = ToProvider(_checkConverter, expected);
        return await _checkedUpdate.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
        _checkedUpdate?.Dispose();
        foreach (var command in _inserts.Values)
        {
            command.Dispose();
        }

        _insertReturningId?.Dispose();
        _update?.Dispose();
    }

    private DbCommand InsertCommand(int rows)
    {
        if (!_inserts.TryGetValue(rows, out var command))
        {
            command = Prepare(InsertSql(rows), rows);
            _inserts[rows] = command;
        }

        return command;
    }

    private DbCommand Prepare(string text, int rows)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run only inside a transaction.");
        command.CommandText = text;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                var mapping = _columns[c].GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, $"@p{(r * _columns.Length) + c}", null, _columns[c].IsNullable));
            }
        }

        for (var c = 0; c < _constants.Length; c++)
        {
            var (property, value) = _constants[c];
            var parameter = property.GetRelationalTypeMapping().CreateParameter(command, $"@c{c}", null, property.IsNullable);
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        if (!_isSqlServer)
        {
            // Microsoft.Data.Sqlite otherwise compiles the statement again on every execution: most of an import's
            // time for a 100-row insert. (SqlClient needs no such step: sp_executesql reuses its plan.)
            command.Prepare();
        }

        return command;
    }

    private void Bind(DbCommand command, int first, object?[] values)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            command.Parameters[first + c].Value = ToProvider(_converters[c], values[c]) ?? DBNull.Value;
        }
    }

    /// <summary>How many rows one INSERT carries.</summary>
    internal int RowsPerInsert => _rowsPerInsert;

    /// <summary>The multi-row INSERT for <paramref name="rows"/> rows (also what the T-SQL check parses).</summary>
    internal string InsertSql(int rows)
    {
        var tuples = Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", Enumerable.Range(0, _columns.Length).Select(c => $"@p{(r * _columns.Length) + c}").Concat(ConstantNames())) + ")");
        return $"{_insertPrefix} VALUES {string.Join(", ", tuples)}";
    }

    /// <summary>The one-row INSERT that returns its generated key: OUTPUT on SQL Server, RETURNING on SQLite.</summary>
    internal string InsertReturningIdSql(string keyColumn)
    {
        var key = _sql.DelimitIdentifier(keyColumn);
        var parameters = string.Join(", ", Enumerable.Range(0, _columns.Length).Select(i => $"@p{i}").Concat(ConstantNames()));
        return _isSqlServer
            ? $"{_insertPrefix} OUTPUT INSERTED.{key} VALUES ({parameters})"
            : $"{_insertPrefix} VALUES ({parameters}) RETURNING {key}";
    }

    /// <summary>The one-row UPDATE of the writer's columns by key, and optionally only while a column holds an expected value.</summary>
    internal string UpdateSql(string keyColumn, string? checkColumn = null) =>
        $"UPDATE {_table} SET {string.Join(", ", _columns.Select((c, i) => $"{_sql.DelimitIdentifier(c.GetColumnName())} = @p{i}"))} WHERE {_sql.DelimitIdentifier(keyColumn)} = @key" +
        (checkColumn is null ? "" : $" AND {_sql.DelimitIdentifier(checkColumn)} = @check");

    private IEnumerable<string> ConstantNames() => Enumerable.Range(0, _constants.Length).Select(c => $"@c{c}");

    private static object? ToProvider(Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter, object? value) =>
        value is not null && converter is not null ? converter.ConvertToProvider(value) : value;
}

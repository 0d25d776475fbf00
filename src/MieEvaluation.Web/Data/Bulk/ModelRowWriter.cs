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
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly IProperty[] _columns;
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] _converters;
    private readonly string _insertPrefix;
    private readonly int _rowsPerInsert;
    private readonly List<object?[]> _pending = [];
    private readonly Dictionary<int, DbCommand> _inserts = [];
    private DbCommand? _insertReturningId;
    private DbCommand? _update;
    private readonly bool _isSqlServer;
    private readonly string _table;
    private readonly ISqlGenerationHelper _sql;

    /// <param name="db">The context whose connection and current transaction are used.</param>
    /// <param name="entity">The entity whose table is written.</param>
    /// <param name="columns">The properties written, in the order <see cref="AddAsync"/> receives their values.</param>
    public ModelRowWriter(DbContext db, Type entity, params string[] columns)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity} is not in the model.", nameof(entity));
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run only inside a transaction.");
        _columns = columns.Select(c => type.FindProperty(c) ?? throw new ArgumentException($"{entity.Name}.{c} is not mapped.", nameof(columns))).ToArray();
        _converters = _columns.Select(c => c.GetRelationalTypeMapping().Converter).ToArray();
        _sql = db.GetService<ISqlGenerationHelper>();
        _isSqlServer = db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true;
        _table = _sql.DelimitIdentifier(type.GetTableName()!);
        _insertPrefix = $"INSERT INTO {_table} ({string.Join(", ", _columns.Select(c => _sql.DelimitIdentifier(c.GetColumnName())))})";

        // SQL Server takes at most 2,100 parameters a command; SQLite 32,766. 100 rows a statement is where the
        // per-statement cost stops mattering.
        _rowsPerInsert = Math.Max(1, Math.Min(100, 2000 / _columns.Length));
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
        if (_insertReturningId is null)
        {
            var key = _sql.DelimitIdentifier(keyColumn);
            var parameters = string.Join(", ", Enumerable.Range(0, _columns.Length).Select(i => $"@p{i}"));
            _insertReturningId = Prepare(_isSqlServer
                ? $"{_insertPrefix} OUTPUT INSERTED.{key} VALUES ({parameters})"
                : $"{_insertPrefix} VALUES ({parameters}) RETURNING {key}", 1);
        }

        Bind(_insertReturningId, 0, values);
        return Convert.ToInt32(await _insertReturningId.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the writer's columns of the row whose <paramref name="keyColumn"/> is <paramref name="key"/>.</summary>
    public async Task UpdateAsync(string keyColumn, int key, object?[] values, CancellationToken cancellationToken)
    {
        if (_update is null)
        {
            var sets = string.Join(", ", _columns.Select((c, i) => $"{_sql.DelimitIdentifier(c.GetColumnName())} = @p{i}"));
            _update = Prepare($"UPDATE {_table} SET {sets} WHERE {_sql.DelimitIdentifier(keyColumn)} = @key", 1);
            var parameter = _update.CreateParameter();
            parameter.ParameterName = "@key";
            _update.Parameters.Add(parameter);
        }

        Bind(_update, 0, values);
        _update.Parameters["@key"].Value = key;
        await _update.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
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
            var tuples = Enumerable.Range(0, rows).Select(r =>
                "(" + string.Join(", ", Enumerable.Range(0, _columns.Length).Select(c => $"@p{(r * _columns.Length) + c}")) + ")");
            command = Prepare($"{_insertPrefix} VALUES {string.Join(", ", tuples)}", rows);
            _inserts[rows] = command;
        }

        return command;
    }

    private DbCommand Prepare(string text, int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = text;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                var mapping = _columns[c].GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, $"@p{(r * _columns.Length) + c}", null, _columns[c].IsNullable));
            }
        }

        return command;
    }

    private void Bind(DbCommand command, int first, object?[] values)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            var converter = _converters[c];
            var value = values[c] is { } clr && converter is not null ? converter.ConvertToProvider(clr) : values[c];
            command.Parameters[first + c].Value = value ?? DBNull.Value;
        }
    }
}

namespace MieEvaluation.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> section of the configuration.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Mie";

    /// <summary><c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>The SQLite file, relative to the content root unless absolute. Ignored when a connection string is set.</summary>
    public string SqlitePath { get; set; } = "data/mie.db";
}

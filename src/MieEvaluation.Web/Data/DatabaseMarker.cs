namespace MieEvaluation.Web.Data;

/// <summary>What a database is for, written once when it is created: demo mode refuses any database not marked as a demo one.</summary>
public enum DatabaseKind
{
    Real,
    Demo,
}

/// <summary>The single row that says which <see cref="DatabaseKind"/> a database is.</summary>
public sealed class DatabaseMarker
{
    public int Id { get; set; }

    public DatabaseKind Kind { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

using System.Diagnostics;
using System.Globalization;
using MieEvaluation.DataGenerator;

// Synthetic data for the benchmarks: a SQLite database with the real schema and/or the long import CSV.
// dotnet run -c Release --project bench/MieEvaluation.DataGenerator -- --bases N --years Y --seed S
//     [--first-year 2016] [--csv out.csv] [--database out.db] [--registry-only]
const string Usage = "usage: --bases N --years Y --seed S [--first-year 2016] [--csv out.csv] [--database out.db] [--registry-only]";

int? bases = null, years = null, seed = null;
var firstYear = SyntheticData.DefaultFirstYear;
string? csv = null, database = null;
var registryOnly = false;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        int Number() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
        switch (args[i])
        {
            case "--bases": bases = Number(); break;
            case "--years": years = Number(); break;
            case "--seed": seed = Number(); break;
            case "--first-year": firstYear = Number(); break;
            case "--csv": csv = Path.GetFullPath(Next()); break;
            case "--database": database = Path.GetFullPath(Next()); break;
            case "--registry-only": registryOnly = true; break;
            default: throw new ArgumentException($"unknown argument {args[i]}");
        }
    }

    if (bases is not > 0 || years is not > 0 || seed is null || (csv is null && database is null) || (registryOnly && database is null))
    {
        throw new ArgumentException("--bases, --years and --seed are required, with --csv and/or --database (--registry-only needs --database)");
    }
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    await Console.Error.WriteLineAsync($"{ex.Message}\n{Usage}");
    return 2;
}

var options = new SyntheticOptions(bases.Value, years.Value, seed.Value, firstYear);
var watch = Stopwatch.StartNew();
var values = database is null
    ? await SyntheticDatabase.WriteCsvAsync(csv!, options)
    : await SyntheticDatabase.CreateAsync(database, options, registryOnly, csv);
var written = string.Join(", ", new[] { database is null ? null : $"database {database}" + (registryOnly ? " (registry only)" : ""), csv is null ? null : $"csv {csv}" }.OfType<string>());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{bases} bases, {values} values ({years} years from {firstYear}, seed {seed}) in {watch.Elapsed.TotalSeconds:F1} s: {written}"));
return 0;

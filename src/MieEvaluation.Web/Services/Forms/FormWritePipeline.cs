using Microsoft.EntityFrameworkCore;
using MieEvaluation.Web.Data;

namespace MieEvaluation.Web.Services.Forms;

/// <summary>
/// Runs one write of forms and values as a unit, safe under retries. Each attempt starts from an empty change tracker,
/// reads the form again, re-applies the change, saves (the context's save refreshes the <see cref="DerivedData"/>) and
/// commits its own transaction. A retried attempt therefore re-applies the change: the pitfall of reusing a tracked
/// context whose changes were accepted by a save whose commit then failed — "success" with nothing stored — cannot
/// happen (EF Core, "Connection resiliency": execution strategies and transactions).
/// </summary>
public sealed class FormWritePipeline(MieDbContext db)
{
    /// <remarks>
    /// <c>attempt</c>: Reads, decides and applies; says whether to commit (false: refused, nothing is written).<br/>
    /// </remarks>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<(T Result, bool Commit)>> attempt, CancellationToken cancellationToken = default)
    {
        try
        {
            async Task<T> OneAttempt(CancellationToken token)
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var (result, commit) = await attempt(token);
                if (commit)
                {
                    await transaction.CommitAsync(token);
                }
                else
                {
                    await transaction.RollbackAsync(token);
                }

                return result;
            }

            return await db.Database.CreateExecutionStrategy().ExecuteAsync(OneAttempt, cancellationToken);
        }
        finally
        {
            // Whatever happened, the context tracks nothing of this write afterwards: a later read sees the database.
            db.ChangeTracker.Clear();
        }
    }
}

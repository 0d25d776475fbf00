using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MieEvaluation.Web.Security;
using MieEvaluation.Web.Services.Operations;

namespace MieEvaluation.Web.Controllers;

/// <summary>Administrators download a consistent backup of the SQLite database while the app runs.</summary>
[Route("admin/backup")]
[Authorize(Policy = Policies.Administer)]
public sealed class BackupController(DatabaseBackup backup) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(backup.IsAvailable);

    [HttpPost("")]
    public async Task<IActionResult> Download(CancellationToken cancellationToken)
    {
        if (!backup.IsAvailable)
        {
            return BadRequest();
        }

        var path = await backup.CreateAsync(cancellationToken);
        // DeleteOnClose: the copy disappears once it has been sent.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return File(stream, "application/vnd.sqlite3", Path.GetFileName(path));
    }
}

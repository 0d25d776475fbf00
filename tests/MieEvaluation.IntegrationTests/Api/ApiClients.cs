using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MieEvaluation.IntegrationTests.Infrastructure;

namespace MieEvaluation.IntegrationTests.Api;

internal static class ApiClients
{
    /// <summary>A token for a new account with the roles, through POST /api/v1/tokens.</summary>
    public static async Task<(HttpClient Client, string Token, string UserId)> TokenClientAsync(this MieAppFactory app, params string[] roles)
    {
        var (email, password, id) = await app.CreateUserAsync(roles);
        var (client, token) = await app.TokenClientForAsync(email, password);
        return (client, token, id);
    }

    /// <summary>A token for an existing account, through POST /api/v1/tokens, and a client that sends it.</summary>
    public static async Task<(HttpClient Client, string Token)> TokenClientForAsync(this MieAppFactory app, string email, string password)
    {
        using var response = await app.CreateClient().PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { email, password, name = "test" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        return (WithToken(app, token), token);
    }

    public static HttpClient WithToken(MieAppFactory app, string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static StringContent Csv(string text) => new(text, System.Text.Encoding.UTF8, "text/csv");
}

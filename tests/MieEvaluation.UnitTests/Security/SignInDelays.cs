using System.Net;
using MieEvaluation.Web.Security;

namespace MieEvaluation.UnitTests.Security;

public sealed class SignInDelays
{
    private static readonly DateTime Last = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    // One e-mail from one address: 5 failures pass, then 5 s, 10 s, 20 s … up to 15 min.
    [InlineData(SignInThrottleKind.EmailAtAddress, 4, 0)]
    [InlineData(SignInThrottleKind.EmailAtAddress, 5, 5)]
    [InlineData(SignInThrottleKind.EmailAtAddress, 6, 10)]
    [InlineData(SignInThrottleKind.EmailAtAddress, 9, 80)]
    [InlineData(SignInThrottleKind.EmailAtAddress, 12, 640)]
    [InlineData(SignInThrottleKind.EmailAtAddress, 13, 900)]
    [InlineData(SignInThrottleKind.EmailAtAddress, 500, 900)]
    // One e-mail from anywhere: 10 pass, then 5 s, 10 s … never more than a minute.
    [InlineData(SignInThrottleKind.Email, 9, 0)]
    [InlineData(SignInThrottleKind.Email, 10, 5)]
    [InlineData(SignInThrottleKind.Email, 13, 40)]
    [InlineData(SignInThrottleKind.Email, 14, 60)]
    [InlineData(SignInThrottleKind.Email, 100000, 60)]
    // One address, any e-mail: 20 pass.
    [InlineData(SignInThrottleKind.Address, 19, 0)]
    [InlineData(SignInThrottleKind.Address, 20, 5)]
    [InlineData(SignInThrottleKind.Address, 21, 10)]
    public void WaitsDoublingFromFiveSecondsUpToTheCeiling(SignInThrottleKind kind, int failures, int expectedSeconds)
    {
        var until = SignInThrottlePolicy.DelayedUntil(kind, failures, Last, Last);

        Assert.Equal(expectedSeconds == 0 ? null : Last.AddSeconds(expectedSeconds), until);
    }

    [Fact]
    public void AllowsTheAttemptOnceTheWaitHasPassed()
    {
        Assert.Equal(Last.AddSeconds(10), SignInThrottlePolicy.DelayedUntil(SignInThrottleKind.EmailAtAddress, 6, Last, Last.AddSeconds(9)));
        Assert.Null(SignInThrottlePolicy.DelayedUntil(SignInThrottleKind.EmailAtAddress, 6, Last, Last.AddSeconds(10)));
    }

    [Fact]
    public void ForgetsACountADayAfterItsLastFailure()
    {
        // 1,000 failures would wait the ceiling of 15 minutes; a day later they count for nothing.
        Assert.Null(SignInThrottlePolicy.DelayedUntil(SignInThrottleKind.EmailAtAddress, 1000, Last, Last.AddDays(1)));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::1")]
    public void CountsAnIpv6ClientByItsNetwork(string address, string expected)
    {
        Assert.Equal(expected, SignInThrottlePolicy.AddressKey(IPAddress.Parse(address)));
    }

    [Fact]
    public void CountsAnEmailWhateverItsCaseAndSpaces()
    {
        Assert.Equal(SignInThrottlePolicy.EmailKey("ana@base.cn"), SignInThrottlePolicy.EmailKey("  Ana@BASE.cn "));
    }
}

namespace MieEvaluation.Domain.Registry;

/// <summary>The National Bureau of Statistics four-region scheme.</summary>
public enum Region
{
    East,
    Central,
    West,
    Northeast,
}

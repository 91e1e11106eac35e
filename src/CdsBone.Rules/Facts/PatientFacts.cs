namespace CdsBone.Rules.Facts;

/// <summary>Administrative sex as the EHR records it.</summary>
public enum Sex
{
    /// <summary>Not recorded.</summary>
    Unknown,
    /// <summary>Male.</summary>
    Male,
    /// <summary>Female.</summary>
    Female,
    /// <summary>Other.</summary>
    Other,
}

/// <summary>Who the patient is, as far as the rules need to know.</summary>
/// <param name="Sex">Administrative sex.</param>
/// <param name="BirthDate">Date of birth, when known.</param>
public sealed record PatientFacts(Sex Sex, DateOnly? BirthDate)
{
    /// <summary>Age in completed years on <paramref name="today"/>, or null when the birth date is unknown.</summary>
    public int? AgeOn(DateOnly today)
    {
        if (BirthDate is not { } birth)
        {
            return null;
        }

        var age = today.Year - birth.Year;
        if (today < birth.AddYears(age))
        {
            age--;
        }

        return age;
    }
}

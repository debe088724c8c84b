using System.Text.Json.Nodes;
using KpuTriage.Core.Llm;

namespace KpuTriage.Tests.Llm;

/// <summary>Answers in the shape of <see cref="AnswerSchema"/>, for the fake to give.</summary>
internal static class FakeAnswers
{
    /// <summary>A valid answer: routing codes set, everything the letter prints null, unless <paramref name="fields"/> says otherwise.</summary>
    public static string Valid(params (string Field, string? Value, string? Quote)[] fields) => Object(fields).ToJsonString();

    public static JsonObject Object(params (string Field, string? Value, string? Quote)[] fields)
    {
        var answer = new JsonObject();
        foreach (var field in AnswerSchema.TextFields)
        {
            answer[field] = Field(null, null);
        }

        answer["letterType"] = Field("surat_dinas", null);
        answer["urgency"] = Field("biasa", null);
        answer["security"] = Field("biasa", null);
        answer["register"] = Field("sekretaris", null);
        answer["unit"] = Field("subbag_kul", null);
        answer["archiveCode"] = Field("TU", null);
        answer["dispositionActions"] = new JsonObject { ["values"] = new JsonArray("diketahui"), ["confidence"] = 0.5 };
        answer["summary"] = new JsonObject { ["value"] = "Surat dinas untuk diketahui.", ["confidence"] = 0.7 };
        foreach (var (field, value, quote) in fields)
        {
            if (field == "summary")
            {
                answer["summary"] = new JsonObject { ["value"] = value, ["confidence"] = 0.7 };
            }
            else
            {
                answer[field] = Field(value, quote);
            }
        }

        return answer;
    }

    private static JsonObject Field(string? value, string? quote) =>
        new() { ["value"] = value, ["quote"] = quote, ["confidence"] = value is null ? 0 : 0.9 };
}

using System.Reflection;
using Portal.TestKit;

namespace Portal.Web.Tests.Architecture;

public class ArchitectureTests
{
    private static readonly DependencyRule CoreRule = new("Portal.Core",
        ["AWSSDK", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Portal.Aws", "Portal.Web", "Portal.LocalCloud"]);

    private static readonly DependencyRule LocalCloudRule = new("Portal.LocalCloud",
        ["Portal.Core", "Portal.Aws", "Portal.Web", "Portal.Cli", "AWSSDK"]);

    private static readonly DependencyRule AwsRule = new("Portal.Aws",
        ["Portal.LocalCloud", "Portal.Web", "Microsoft.EntityFrameworkCore"]);

    public static TheoryData<string> Rules => new("Portal.Core", "Portal.LocalCloud", "Portal.Aws");

    [Theory]
    [MemberData(nameof(Rules))]
    public void Project_files_declare_no_forbidden_reference(string project)
    {
        var rule = RuleFor(project);
        var xml = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", project, project + ".csproj"));

        Assert.Empty(rule.ViolationsInProjectFile(xml));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Compiled_assemblies_reference_no_forbidden_assembly(string project)
    {
        var assembly = Assembly.Load(project);

        Assert.Empty(RuleFor(project).ViolationsInAssembly(assembly));
    }

    [Fact]
    public void The_rule_catches_a_forbidden_package_or_project_reference()
    {
        const string Xml = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="YamlDotNet" />
                <PackageReference Include="AWSSDK.S3" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" />
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <ProjectReference Include="..\Portal.Aws\Portal.Aws.csproj" />
              </ItemGroup>
            </Project>
            """;

        Assert.Equal(["AWSSDK.S3", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.AspNetCore.App", "Portal.Aws"], CoreRule.ViolationsInProjectFile(Xml));
        Assert.Equal(["AWSSDK.S3", "Portal.Aws"], LocalCloudRule.ViolationsInProjectFile(Xml));
    }

    [Fact]
    public void The_rule_catches_a_forbidden_compiled_reference()
    {
        // Portal.Web really references EF Core and ASP.NET Core: the same check must flag it.
        var violations = CoreRule.ViolationsInAssembly(typeof(Program).Assembly);

        Assert.Contains(violations, v => v.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    private static DependencyRule RuleFor(string project) => project switch
    {
        "Portal.Core" => CoreRule,
        "Portal.LocalCloud" => LocalCloudRule,
        "Portal.Aws" => AwsRule,
        _ => throw new ArgumentOutOfRangeException(nameof(project)),
    };
}

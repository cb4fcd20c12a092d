// `dotnet run` as the command: the project is read to publish it and start its assembly, or the
// conversion is refused with what cannot be told.

import * as assert from "assert";
import { convertToMultiStage } from "../../../server/src/convert/index";
import { parseDockerfile } from "../../../server/src/model/parse";

const WEB = '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net6.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n';

function reasonFor(command: string, files: Record<string, string>): string {
  const text = `FROM mcr.microsoft.com/dotnet/sdk:6.0\nWORKDIR /source\nCOPY . .\nRUN dotnet build\n${command}\n`;
  const result = convertToMultiStage(parseDockerfile(text, { rootEntries: Object.keys(files), files }));
  assert.ok(!result.ok, result.ok ? result.text : "");
  return result.reason;
}

describe("convert: dotnet run", () => {
  it("publishes the only project and starts its assembly on the runtime of its framework", () => {
    const text = 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /source\nCOPY . .\nRUN dotnet build\nENTRYPOINT ["dotnet", "run"]\n';
    const result = convertToMultiStage(parseDockerfile(text, { rootEntries: ["App.csproj"], files: { "App.csproj": WEB } }));
    assert.ok(result.ok, result.ok ? "" : result.reason);
    // The project targets net6.0: the 8.0 SDK builds it, the 6.0 runtime runs it.
    assert.match(result.text, /^FROM mcr\.microsoft\.com\/dotnet\/aspnet:6\.0 AS runtime$/m);
    assert.match(result.text, /^RUN dotnet publish -c Release -o \/app\/publish$/m);
    assert.match(result.text, /^COPY --from=build \/app\/publish \/source$/m);
    assert.match(result.text, /^ENTRYPOINT \["dotnet", "App\.dll"\]$/m);
    assert.strictEqual(result.summary.command, "artifact");
  });

  it("refuses when several projects could be the one run", () => {
    assert.match(
      reasonFor('CMD ["dotnet", "run"]', { "A.csproj": WEB, "B.csproj": WEB }),
      /which project 'dotnet run' starts cannot be told \(2 project files\)/,
    );
  });

  it("refuses a library, several target frameworks and options that do not translate", () => {
    const library = '<Project Sdk="Microsoft.NET.Sdk">\n<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n';
    assert.match(reasonFor('CMD ["dotnet", "run"]', { "Lib.csproj": library }), /builds a library/);
    const multi = WEB.replace("<TargetFramework>net6.0</TargetFramework>", "<TargetFrameworks>net6.0;net8.0</TargetFrameworks>");
    assert.match(reasonFor('CMD ["dotnet", "run"]', { "App.csproj": multi }), /targets several frameworks/);
    assert.match(reasonFor('CMD ["dotnet", "run", "--urls", "http://+:80"]', { "App.csproj": WEB }), /is given '--urls'.*after '--'/);
    assert.match(reasonFor('CMD ["dotnet", "run"]', {}), /no \.NET project file/);
  });
});

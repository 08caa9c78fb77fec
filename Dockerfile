# ImsLab server image: SIP (5060 UDP/TCP), REST API and dashboard (8080).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish ImsLab.Api/ImsLab.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    ImsLab__DataDirectory=/var/lib/imslab
VOLUME /var/lib/imslab
EXPOSE 8080 5060/udp 5060/tcp
ENTRYPOINT ["dotnet", "ImsLab.Api.dll"]

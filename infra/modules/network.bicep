// The private network: the web app's outbound subnet, PostgreSQL's delegated subnet and a subnet for
// private endpoints. Subnets are declared inline in the VNet so that a redeploy never tries to delete a
// subnet that is in use; the `existing` references below only compute their ids.

@description('Azure region of the network.')
param location string

@description('Name of the virtual network.')
param vnetName string

@description('Address space of the virtual network.')
param addressPrefix string

@description('Subnet the web app integrates with (delegated to App Service).')
param appSubnetPrefix string

@description('Subnet delegated to the PostgreSQL flexible server (private access).')
param postgresSubnetPrefix string

@description('Subnet holding private endpoints (Key Vault, when its public access is disabled).')
param privateEndpointSubnetPrefix string

var appSubnetName = 'app'
var postgresSubnetName = 'postgres'
var privateEndpointSubnetName = 'private-endpoints'

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: vnetName
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: postgresSubnetName
        properties: {
          addressPrefix: postgresSubnetPrefix
          delegations: [
            {
              name: 'postgres-flexible-server'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2023-11-01' existing = {
  parent: vnet
  name: appSubnetName
}

resource postgresSubnet 'Microsoft.Network/virtualNetworks/subnets@2023-11-01' existing = {
  parent: vnet
  name: postgresSubnetName
}

resource privateEndpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2023-11-01' existing = {
  parent: vnet
  name: privateEndpointSubnetName
}

output vnetId string = vnet.id
output appSubnetId string = appSubnet.id
output postgresSubnetId string = postgresSubnet.id
output privateEndpointSubnetId string = privateEndpointSubnet.id

// OCISpec module placeholder; replaced as the module is filled.
